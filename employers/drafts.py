"""Use cases of vacancy drafts: save the form unfinished, reopen it, and let it go once submitted.

A draft keeps the form's inputs as typed (``employers.forms.values_from_form``), so an incomplete or
invalid vacancy can be kept; nothing is validated, checked by ethics or published until the employer
submits it, which goes through the same path as a new vacancy (``employers.vacancies.submit_vacancy``).
"""

from __future__ import annotations

from employers.models import VacancyDraft
from services import errors

# Far above a grower's unfinished job orders; it bounds what one account can store.
MAX_DRAFTS = 50
SHOWN = 50


def own_draft(store, employer_id: str, draft_id) -> VacancyDraft:
    """The employer's draft; 404 when it does not exist or is another employer's."""
    draft = store.draft(draft_id)
    if draft is None or draft.employer_id != str(employer_id):
        raise errors.NotFound("No such draft.")
    return draft


def save_draft(store, employer_id: str, values: dict, draft_id=None) -> VacancyDraft:
    """Keep the form's ``values`` as a new draft, or over the employer's draft ``draft_id`` (409 past
    ``MAX_DRAFTS``)."""
    values = {name: value for name, value in values.items() if value not in ("", False, None)}
    if draft_id is None:
        if store.count_drafts(employer_id) >= MAX_DRAFTS:
            raise errors.Conflict(f"An employer keeps at most {MAX_DRAFTS} drafts.")
        draft = VacancyDraft(employer_id=str(employer_id))
    else:
        draft = own_draft(store, employer_id, draft_id)
    draft.values = values
    draft.title = str(values.get("title", ""))[:300]
    return store.save_draft(draft)


def drafts_of(store, employer_id: str) -> list[VacancyDraft]:
    """The employer's drafts, last changed first."""
    return store.drafts(employer_id, SHOWN)


def discard_draft(store, employer_id: str, draft_id) -> None:
    """Delete the employer's draft (once submitted, or when the employer no longer wants it)."""
    store.delete_draft(own_draft(store, employer_id, draft_id))
