"""The app reads a folder of PDFs like a folder of text pages: keys through Textual's Pilot."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from reader.ui.screens.main import MainScreen
from tests import pdfgen
from tests.test_ui_session import seed_app, settle


async def test_app_reads_a_folder_of_pdfs_and_an_issue_pdf(tmp_path: Path) -> None:
    folder = tmp_path / "paper"
    folder.mkdir()
    photo = tmp_path / "photo.png"
    Image.new("RGB", (60, 40), (120, 160, 200)).save(photo)
    pdfgen.front_page(folder / "2023-06-26.pdf", photo)
    pdfgen.issue(folder / "2023-06-27.pdf")
    app = seed_app(tmp_path, [folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and len(app.main.articles.entries) > 0)
        screen = app.main
        assert screen.view.article.headline == ("踏青正当时",)
        assert pdfgen.SPRING[0][:10] in screen.view.visible_text().replace("\n", "")
        await pilot.press("}")  # the next issue: the PDF of two pages
        await settle(
            pilot,
            lambda: (
                screen.view.article is not None
                and screen.view.article.title == "踏青正当时"
                and "2023-06-27" in screen.status.text
            ),
        )
        await pilot.press("]")  # its next article is on its second page
        await settle(pilot, lambda: screen.view.article.title == "城西新桥今日通车")
        assert pdfgen.BRIDGE[1][:10] in screen.view.visible_text().replace("\n", "")


async def test_app_lists_a_scanned_and_a_broken_pdf_and_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "paper"
    folder.mkdir()
    photo = tmp_path / "photo.png"
    Image.new("RGB", (60, 40)).save(photo)
    (folder / "2023-06-24.pdf").write_bytes(b"%PDF-1.4 junk")
    pdfgen.scanned(folder / "2023-06-25.pdf", photo)
    app = seed_app(tmp_path, [folder])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, lambda: isinstance(app.screen, MainScreen) and len(app.main.issues.rows) == 2)
        view = app.main.view
        await settle(pilot, lambda: "not a readable PDF" in view.visible_text())
        await pilot.press("}")
        await settle(pilot, lambda: "no text layer" in view.visible_text())
