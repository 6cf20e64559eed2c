"""Search the whole archive: a query field, the matching articles best first, Enter opens one.

Queries run in a thread worker (exclusive: a newer query cancels the older one, whose late
answer is dropped) after a short pause in the typing, so a fast typist does not queue a
query per keystroke. The index may still be building: the answer then covers what is
indexed and the summary line says "partial: 1234 of 30000 pages indexed".
"""

from __future__ import annotations

import time
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.search.index import ArticleResult, SearchResults
from reader.ui.wrapped_text import WrappedText

#: Seconds of no typing before the query runs.
DEBOUNCE_SECONDS = 0.15
#: While the index grows under a partial answer, the query runs again at most this often
#: (and once more when the build finishes), so the results and "partial: 8 of 300" catch up.
REFRESH_SECONDS = 1.0
RESULTS_LIMIT = 100


class ResultsReady(Message):
    """The answer to `query` (or the error that stopped it), and how long it took."""

    def __init__(self, query: str, results: SearchResults | None, seconds: float, error: str = "") -> None:
        super().__init__()
        self.query = query
        self.results = results
        self.seconds = seconds
        self.error = error


def result_prompt(result: ArticleResult, issue: str) -> Text:
    """One result: issue and title on the first line, the best hit's snippet (highlighted) below."""
    text = Text(no_wrap=False)
    text.append(issue or result.date or result.source, style="dim")
    text.append("  ")
    text.append(result.title or result.article_id, style="bold")
    hits = result.hit_count
    text.append(f"  · {hits} hit{'s' if hits != 1 else ''}", style="dim")
    if result.hits:
        hit = result.hits[0]
        snippet = Text(hit.snippet)
        snippet.stylize("bold reverse", hit.snippet_start, hit.snippet_end)
        text.append("\n  ")
        text.append_text(snippet)
    return text


class ArchiveSearchScreen(Screen[None]):
    """The archive search: type, move down to the results, Enter opens the article at the hit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back to reading", id="archive_search.close"),
        Binding("down", "focus_results", "Results", show=False, id="archive_search.results"),
        Binding("slash", "focus_query", "Edit query", show=False, id="archive_search.query"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial_query = query
        self.results: list[ArticleResult] = []
        self.shown_query = ""
        self.last_seconds: float | None = None
        self._timer: Timer | None = None
        self.partial = False  # the answer shown covers only part of the archive
        self._refreshed = 0.0

    def compose(self) -> ComposeResult:
        yield Static(Text("Search the archive", style="bold"), id="archive-search-title")
        yield Input(
            value=self.initial_query,
            placeholder="words, or pinyin (zhangxusheng, zxs)",
            id="archive-query",
        )
        yield Static(id="archive-summary")
        yield OptionList(id="archive-results", markup=False)
        yield Footer()

    @property
    def field(self) -> Input:
        return self.query_one("#archive-query", Input)

    @property
    def result_list(self) -> OptionList:
        return self.query_one("#archive-results", OptionList)

    @property
    def summary(self) -> str:
        return str(self.query_one("#archive-summary", Static).render())

    def on_mount(self) -> None:
        self.field.focus()
        self._say(Text("Type to search every page of the archive.", style="italic"))
        if self.initial_query.strip():
            self.run_query(self.initial_query)

    # -- querying ----------------------------------------------------------------------------

    @on(Input.Changed, "#archive-query")
    def _typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        query = event.value
        self.app.last_archive_query = query  # type: ignore[attr-defined]  # S brings it back
        if not query.strip():
            self.workers.cancel_group(self, "archive-search")
            self._show(query, None)
            return
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self.run_query(query))

    @work(thread=True, exclusive=True, group="archive-search")
    def run_query(self, query: str) -> None:
        """Ask the index (off the event loop); a newer query cancels this one's answer."""
        worker = get_current_worker()
        indexer = self.app.indexer  # type: ignore[attr-defined]
        started = time.perf_counter()
        try:
            results = indexer.search(query, limit=RESULTS_LIMIT)
            error = ""
        except ValueError:  # nothing to look for (only spaces or punctuation)
            results, error = None, ""
        except Exception as problem:  # a broken index: say so, keep the screen
            results, error = None, f"search failed: {problem}"
        if not worker.is_cancelled:
            self.post_message(ResultsReady(query, results, time.perf_counter() - started, error))

    @on(ResultsReady)
    def _answered(self, message: ResultsReady) -> None:
        if message.query != self.field.value:
            return  # the reader typed on: a newer query is on its way
        self.last_seconds = message.seconds
        if message.error:
            self.results = []
            self.result_list.clear_options()
            self._say(Text(message.error, style="bold red"))
            return
        self._show(message.query, message.results)

    def index_grew(self, finished: bool) -> None:
        """The index has more pages: run a partial answer's query again (throttled)."""
        if not self.partial or not self.shown_query.strip() or self.shown_query != self.field.value:
            return
        now = time.monotonic()
        if finished or now - self._refreshed >= REFRESH_SECONDS:
            self._refreshed = now
            self.run_query(self.shown_query)

    def _show(self, query: str, results: SearchResults | None) -> None:
        self.partial = results is not None and bool(self.app.indexer.partial_note(results))  # type: ignore[attr-defined]
        keep = self.result_list.highlighted if query == self.shown_query else None
        self.shown_query = query
        self.results = list(results.articles) if results is not None else []
        labels = getattr(self.app, "issue_labels", {})
        archive = self.app.archive  # type: ignore[attr-defined]
        options = []
        for number, result in enumerate(self.results):
            ref = archive.find(result.source)
            issue = labels.get(getattr(ref, "issue_key", ""), "") if ref is not None else ""
            # Wrapped with the article view's line breaking (no line of a result starts with `，`).
            prompt = WrappedText(result_prompt(result, issue or result.date))
            options.append(Option(prompt, id=f"r{number}"))
        result_list = self.result_list
        result_list.clear_options()
        result_list.add_options(options)
        if options:  # a refresh of the same query keeps the reader's place in the list
            result_list.highlighted = min(keep, len(options) - 1) if keep is not None else 0
        self._say(self._summary(query, results))

    def _summary(self, query: str, results: SearchResults | None) -> Text:
        if results is None:
            return Text("Type to search every page of the archive.", style="italic")
        text = Text()
        count = len(results.articles)
        if count:
            text.append(
                f"{count}{'+' if results.more else ''} article{'s' if count != 1 else ''}", style="bold"
            )
        else:
            text.append("no match", style="bold")
        if self.last_seconds is not None:
            text.append(f" · {self.last_seconds * 1000:.0f} ms", style="dim")
        partial = self.app.indexer.partial_note(results)  # type: ignore[attr-defined]
        if partial:
            text.append(f" · {partial}", style="bold italic")
        return text

    def _say(self, text: Text) -> None:
        self.query_one("#archive-summary", Static).update(text)

    # -- choosing ----------------------------------------------------------------------------

    @on(Input.Submitted, "#archive-query")
    def _submitted(self) -> None:
        """Enter in the field opens the highlighted (at first, the best) result."""
        self._open(self.result_list.highlighted)

    @on(OptionList.OptionSelected, "#archive-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_index)

    def _open(self, number: int | None) -> None:
        if number is None or not 0 <= number < len(self.results):
            return
        result = self.results[number]
        self.app.open_search_result(result, self.shown_query)  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.dismiss(None)

    def action_focus_results(self) -> None:
        if self.results:
            self.result_list.focus()

    def action_focus_query(self) -> None:
        self.field.focus()
