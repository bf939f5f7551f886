"""From enrolled to protected: submissions to BPJS, BPJS's answer, BAZNAS's payments and renewals.

Every step appends events to the records it concerns (``desktop.domain.lifecycle``) in one
transaction, with one audit entry; status, KPJ number and coverage dates follow from the events. The
records then sync like any edit, and the hub accepts such changes only from the branch's laptops.
Only admin accounts (the branch) may do this. One module per use case:

- ``submissions``: who is ready, the collective registration spreadsheet, the branch's template;
- ``answers``: BPJS's answer (KPJ numbers and dates, or reasons);
- ``undo``: the answers applied, and taking one back (applied by mistake, or misread);
- ``payments``: BAZNAS's payments and renewals, priced with the dated rates;
- ``views``: batches, payments, the pipeline and a record's events, as the branch sees them;
- ``baznas``: BAZNAS's distribution record per recipient;
- ``events``: appending events to records (shared by the steps).
"""

from desktop.services.membership.answers import AnswerResult, Unapplied, import_answer, preview_answer
from desktop.services.membership.baznas import baznas_report
from desktop.services.membership.events import MAX_MONTHS, lifecycle_columns, require_branch
from desktop.services.membership.payments import (
    PaymentQuote, PaymentResult, RefundResult, add_payment, owed_for, quote_payment,
    refund_credit, renew,
)
from desktop.services.membership.submissions import (
    NOT_READY_LABELS, BatchResult, NothingReady, Readiness, count_ready, export_submission, load_template,
    reset_template, template,
)
from desktop.services.membership.undo import (
    AppliedAnswer, UndoResult, applied_answers, back_to_submitted, preview_undo, undo_answer,
)
from desktop.services.membership.views import (
    BatchInfo, PaymentInfo, batches, describe_event, events_of, payments, pipeline_counts,
)

__all__ = [
    "MAX_MONTHS", "NOT_READY_LABELS", "AnswerResult", "AppliedAnswer", "Unapplied", "UndoResult", "applied_answers",
    "back_to_submitted", "preview_answer", "preview_undo", "undo_answer", "BatchInfo", "BatchResult", "NothingReady",
    "PaymentInfo",
    "PaymentQuote", "PaymentResult", "Readiness", "add_payment", "baznas_report", "batches", "count_ready",
    "describe_event", "events_of", "export_submission", "import_answer", "lifecycle_columns",
    "load_template", "owed_for", "payments", "pipeline_counts", "quote_payment", "RefundResult", "refund_credit",
    "renew", "require_branch",
    "reset_template", "template",
]
