import pytest

from hansa.trade.models import Port
from hansa.trade.services import ports_load_seed

pytestmark = pytest.mark.django_db


def test_port_seed_reloads_without_duplicates_after_a_wipe():
    seeded = Port.objects.count()
    assert ports_load_seed() == seeded
    Port.objects.all().delete()
    assert ports_load_seed() == seeded
    assert Port.objects.count() == seeded
    assert Port.objects.get(locode="CNNGB").country.code == "CN"
