"""Broken pages in the app: each is listed with what is wrong, the good ones read normally."""

from __future__ import annotations

from pathlib import Path

from tests.test_ui_session import seed_app, settle

GOOD = (
    "农村公路建设提速\n□记者 王小明\n今年以来，我县坚持把农村公路建设作为民\n"
    "生实事来抓，累计完成投资三点二亿元，新\n改建道路一百二十公里，群众出行更加便捷。\n"
)
TRADITIONAL = "本報訊 記者報導\n臺灣地區經濟穩定增長，國際貿易與製造業表\n現亮眼，各界對前景普遍樂觀。\n"


def option_texts(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(o.prompt) for o in app.main.articles.options]


async def test_every_kind_of_broken_page_is_listed_with_its_problem(tmp_path: Path) -> None:
    folder = tmp_path / "2023-04-22"
    folder.mkdir()
    (folder / "01.txt").write_text(GOOD, encoding="utf-8")
    (folder / "02.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "03.txt").write_text("", encoding="utf-8")
    (folder / "04.txt").write_text("\n  \n\n", encoding="utf-8")
    (folder / "05.txt").write_bytes(GOOD.encode("gbk"))
    (folder / "06.txt").write_bytes(GOOD.encode("utf-16"))
    (folder / "07.txt").write_bytes(TRADITIONAL.encode("big5"))
    (folder / "08.txt").write_bytes(
        GOOD.encode("utf-8")[:40] + b"\xff\xfe\x80\x81" + GOOD.encode("utf-8")[40:]
    )
    app = seed_app(tmp_path, [folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: sum("──" in t for t in option_texts(app)) == 8)
        texts = option_texts(app)
        headers = [t for t in texts if "──" in t]
        assert "[binary]" in headers[1]
        assert "[empty]" in headers[2] and "[empty]" in headers[3]
        assert "[undecodable]" in headers[7]
        assert sum("农村公路建设提速" in t for t in texts) == 4  # utf-8, gbk, utf-16, and the damaged one
        assert any("本報訊" in t for t in texts)  # Big5 read right
        assert not any("Traceback" in t for t in texts)
        issue_row = str(app.main.issues.get_option_at_index(0).prompt)
        assert "⚠" in issue_row and "binary" in issue_row and "undecodable" in issue_row
        await pilot.press("q")
