"""Search the whole archive: a query field, the matching articles best first, Enter opens one.

Queries run in a thread worker (exclusive: a newer query cancels the older one, whose late
answer is dropped) after a short pause in the typing, so a fast typist does not queue a
query per keystroke. The index may still be building: the answer then covers what is
indexed and the summary line says "partial: 1234 of 30000 pages indexed".

Every hit is reachable: the first RESULTS_LIMIT articles come with the answer, and moving
near the end of the list asks the index for the next ones (a worker, like the query). The
summary gives the total (one aggregate query), a timeline above the results draws the
matching articles a month (a Sparkline), and Ctrl+O orders the results by relevance, newest
or oldest first. Filters are typed in the query: `author:陈晓苏 title:基站 since:2021
until:2022-06 page:2 kind:photo` (see reader.search.query).
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
from textual.widgets import Footer, Input, OptionList, Sparkline, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.search.index import ArticleResult, SearchResults
from reader.search.query import SORTS, Filters
from reader.ui.wrapped_text import WrappedText

#: Seconds of no typing before the query runs.
DEBOUNCE_SECONDS = 0.15
#: While the index grows under a partial answer, the query runs again at most this often
#: (and once more when the build finishes), so the results and "partial: 8 of 300" catch up.
REFRESH_SECONDS = 1.0
RESULTS_LIMIT = 100
#: The next page of results is asked for when the highlight comes this close to the end.
MORE_AHEAD = 5


class ResultsReady(Message):
    """The answer to `query` (or the error that stopped it), and how long it took."""

    def __init__(
        self,
        query: str,
        results: SearchResults | None,
        seconds: float,
        error: str = "",
        months: list[tuple[str, int]] | None = None,
        sort: str = "relevance",
    ) -> None:
        super().__init__()
        self.query = query
        self.results = results
        self.seconds = seconds
        self.error = error
        self.months = months or []
        self.sort = sort


class MoreResults(Message):
    """The next page of results of `query`, from `offset` on."""

    def __init__(self, query: str, sort: str, offset: int, results: SearchResults) -> None:
        super().__init__()
        self.query = query
        self.sort = sort
        self.offset = offset
        self.results = results


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

    DEFAULT_CSS = """
    #archive-timeline { height: 2; margin: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back to reading", id="archive_search.close"),
        Binding("ctrl+o", "cycle_sort", "Order", id="archive_search.sort"),
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
        self.sort = "relevance"
        self.more = False  # the index has results beyond those listed
        self.total = 0
        self.total_exact = True
        self.months: list[tuple[str, int]] = []
        self._asking_more = False

    def compose(self) -> ComposeResult:
        yield Static(Text("Search the archive", style="bold"), id="archive-search-title")
        yield Input(
            value=self.initial_query,
            placeholder="words, or pinyin (zhangxusheng, zxs)",
            id="archive-query",
        )
        yield Static(id="archive-summary")
        yield Sparkline([], id="archive-timeline")
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
        sort = self.sort
        months: list[tuple[str, int]] = []
        try:
            filters = Filters(sort=sort)
            results = indexer.search(query, limit=RESULTS_LIMIT, filters=filters)
            if results.articles:
                months = indexer.by_month(query, filters)
            error = ""
        except ValueError:  # nothing to look for (only spaces or punctuation)
            results, error = None, ""
        except Exception as problem:  # a broken index: say so, keep the screen
            results, error = None, f"search failed: {problem}"
        if not worker.is_cancelled:
            seconds = time.perf_counter() - started
            self.post_message(ResultsReady(query, results, seconds, error, months, sort))

    @work(thread=True, exclusive=True, group="archive-search-more")
    def ask_more(self, query: str, sort: str, offset: int) -> None:
        """The next page of results (off the event loop)."""
        try:
            results = self.app.indexer.search(  # type: ignore[attr-defined]
                query, limit=RESULTS_LIMIT, offset=offset, filters=Filters(sort=sort)
            )
        except Exception:  # the first page said what was wrong; keep what is listed
            results = None
        if results is not None:
            self.post_message(MoreResults(query, sort, offset, results))
        else:
            self._asking_more = False

    @on(ResultsReady)
    def _answered(self, message: ResultsReady) -> None:
        if message.query != self.field.value or message.sort != self.sort:
            return  # the reader typed on (or changed the order): a newer query is on its way
        self.months = message.months
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
        self.more = results.more if results is not None else False
        self.total = results.total if results is not None else 0
        self.total_exact = results.total_exact if results is not None else True
        self._asking_more = False
        if results is None:
            self.months = []
        result_list = self.result_list
        result_list.clear_options()
        result_list.add_options(self._options(self.results, 0))
        if self.results:  # a refresh of the same query keeps the reader's place in the list
            result_list.highlighted = min(keep, len(self.results) - 1) if keep is not None else 0
        self._draw_timeline()
        self._say(self._summary(query, results))

    def _options(self, results: list[ArticleResult], first: int) -> list[Option]:
        labels = getattr(self.app, "issue_labels", {})
        archive = self.app.archive  # type: ignore[attr-defined]
        options = []
        for number, result in enumerate(results, first):
            ref = archive.find(result.source)
            issue = labels.get(getattr(ref, "issue_key", ""), "") if ref is not None else ""
            # Wrapped with the article view's line breaking (no line of a result starts with `，`).
            prompt = WrappedText(result_prompt(result, issue or result.date))
            options.append(Option(prompt, id=f"r{number}"))
        return options

    def _draw_timeline(self) -> None:
        """Matching articles a month, oldest to newest (hidden for fewer than two months)."""
        timeline = self.query_one("#archive-timeline", Sparkline)
        dated = [count for month, count in self.months if month]
        timeline.data = dated
        timeline.display = len(dated) >= 2

    @property
    def timeline_months(self) -> list[tuple[str, int]]:
        """The months the timeline draws, for tests and the summary."""
        return [(month, count) for month, count in self.months if month]

    @on(OptionList.OptionHighlighted, "#archive-results")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        """Near the end of what is listed: ask for the next page of results."""
        if self.more and not self._asking_more and event.option_index >= len(self.results) - MORE_AHEAD:
            self._asking_more = True
            self.ask_more(self.shown_query, self.sort, len(self.results))

    @on(MoreResults)
    def _more_came(self, message: MoreResults) -> None:
        if (message.query, message.sort, message.offset) != (self.shown_query, self.sort, len(self.results)):
            return  # for a query or an order no longer shown
        new = list(message.results.articles)
        self.result_list.add_options(self._options(new, len(self.results)))
        self.results.extend(new)
        self.more = message.results.more
        if not self.more:
            self.total, self.total_exact = len(self.results), True
        self._asking_more = False
        self._say(self._summary(self.shown_query, message.results))

    def action_cycle_sort(self) -> None:
        """Ctrl+O: relevance -> newest -> oldest first, and the query asked again."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        if self.field.value.strip():
            self.run_query(self.field.value)
        else:
            self._say(self._summary(self.shown_query, None))

    def _summary(self, query: str, results: SearchResults | None) -> Text:
        if results is None:
            return Text("Type to search every page of the archive.", style="italic")
        text = Text()
        count = len(self.results)
        if count:
            if self.more:
                total = f"{self.total}" if self.total_exact else f"at most {self.total}"
                text.append(f"{count} of {total} articles", style="bold")
            else:
                text.append(f"{count} article{'s' if count != 1 else ''}", style="bold")
        else:
            text.append("no match", style="bold")
        text.append(f" · {self.sort if self.sort == 'relevance' else self.sort + ' first'}", style="dim")
        dated = self.timeline_months
        if len(dated) >= 2:
            text.append(f" · {dated[0][0]} to {dated[-1][0]}", style="dim")
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
