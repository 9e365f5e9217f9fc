"""Order drafts come from accepted quotes: reuse the RFQ fixtures."""

from hansa.rfqs.tests.conftest import *  # noqa: F403
