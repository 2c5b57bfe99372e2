"""Keyset paging of Local Batch's lists: every page resumes after the last key, whatever changed meanwhile."""

from __future__ import annotations

from explorer.localbatch.api import odata
from explorer.localbatch.api.http_app import SCAN_BUDGET, ListQuery, list_page


def _docs(count: int) -> dict[str, dict]:
    return {f"task-{i:05d}": {"id": f"task-{i:05d}", "state": "completed" if i % 7 else "active", "_own": 1}
            for i in range(count)}


def _first(page_size: int, filter_text: str | None = None, select: str | None = None) -> ListQuery:
    state = {"o": 0, "k": None, "f": filter_text, "s": select, "m": page_size}
    predicate = odata.parse_filter(filter_text) if filter_text else None
    return ListQuery(state, predicate, odata.parse_select(select), page_size)


def _next(query: ListQuery, state: dict) -> ListQuery:
    return ListQuery(state, query.predicate, query.select, query.page_size)


def _all_pages(docs: dict[str, dict], query: ListQuery) -> list[list[dict]]:
    pages = []
    while True:
        page, state = list_page(query, docs)
        pages.append(page)
        if state is None:
            return pages
        query = _next(query, state)


def test_pages_hold_every_document_once_in_order_without_own_fields():
    docs = _docs(2500)
    pages = _all_pages(docs, _first(1000, select="id"))
    assert [len(p) for p in pages] == [1000, 1000, 500]
    assert [d["id"] for page in pages for d in page] == [d["id"] for d in docs.values()]
    assert all(set(d) == {"id"} for page in pages for d in page)


def test_a_page_resumes_after_its_last_key_when_earlier_documents_were_deleted():
    docs = _docs(30)
    query = _first(10)
    page, state = list_page(query, docs)
    for key in list(docs)[:5]:  # deleted while the client read the first page
        del docs[key]
    second, _ = list_page(_next(query, state), docs)
    assert [d["id"] for d in second] == [f"task-{i:05d}" for i in range(10, 20)]


def test_a_page_resumes_at_the_position_of_a_last_key_deleted_meanwhile():
    docs = _docs(30)
    query = _first(10)
    page, state = list_page(query, docs)
    del docs[page[-1]["id"]]
    second, _ = list_page(_next(query, state), docs)
    assert second[0]["id"] == "task-00010"


def test_a_filter_that_matches_little_answers_short_pages_within_the_scan_budget_and_misses_nothing():
    docs = _docs(SCAN_BUDGET * 3 + 17)
    query = _first(1000, filter_text="state eq 'active'")
    pages = _all_pages(docs, query)
    assert len(pages) >= 3  # the scan stops at the budget: a short page with a next link
    assert [d["id"] for page in pages for d in page] == [d["id"] for d in docs.values() if d["state"] == "active"]


def test_the_last_page_has_no_next_state_even_when_exactly_full():
    page, state = list_page(_first(10), _docs(10))
    assert len(page) == 10 and state is None


def test_a_selection_never_shows_local_batch_s_own_fields_even_when_asked_for():
    page, _ = list_page(_first(5, select="id,_own,state"), _docs(5))
    assert page[0] == {"id": "task-00000", "state": "active"}
    filtered, _ = list_page(_first(5, filter_text="state eq 'active'", select="id,_own"), _docs(5))
    assert filtered == [{"id": "task-00000"}]
