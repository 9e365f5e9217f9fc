"""The trade messenger in real browsers, the negotiation issue's "done when":

two staff chat live in two browser windows (a buyer's staff member and the supplier's sales rep)
over the WebSocket served by the ASGI application, while a third window (the supplier's owner)
reads along and sees the messages arrive; and the page still works by polling when the server
speaks no WebSocket (pytest-django's WSGI live server, as under plain ``hansa runserver``).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from hansa.catalog.tests.factories import LiveProductFactory
from hansa.companies.roles import Role
from hansa.companies.tests.factories import (
    BuyerCompanyFactory,
    MembershipFactory,
    SupplierCompanyFactory,
)
from hansa.messenger.models import Conversation, Message
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_catalog import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _reference(reference_db):
    """Seeded ports and categories, restored after the flush of the previous test."""


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def market():
    supplier = SupplierCompanyFactory(
        name="Shenzhen Brightway Lighting Co., Ltd.", slug="brightway", city="Shenzhen"
    )
    owner = MembershipFactory(
        company=supplier, role=Role.OWNER, user__full_name="Chen Wei", user__email="owner@bw.test"
    ).user
    rep = MembershipFactory(
        company=supplier,
        role=Role.SALES_REP,
        user__full_name="Lily Zhang",
        user__email="lily@bw.test",
    ).user
    buyer_company = BuyerCompanyFactory(name="Nordlicht Handels GmbH", slug="nordlicht")
    staff = MembershipFactory(
        company=buyer_company,
        role=Role.BUYER_STAFF,
        user__full_name="Jonas Becker",
        user__email="jonas@nordlicht.test",
    ).user
    product = LiveProductFactory(
        company=supplier,
        owner=rep,
        title="Flexible LED strip 5050 RGB, 12 V, IP65",
        slug="led-strip-5050",
    )
    return supplier, owner, rep, staff, product


def window(browser, base_url: str, contexts: list, *, axe: bool = False):
    # The pages' CSP stays on (it forbids inline scripts), except where axe-core is injected.
    context = browser.new_context(
        base_url=base_url, bypass_csp=axe, viewport={"width": 1280, "height": 860}
    )
    context.set_default_timeout(15_000)
    contexts.append(context)
    return context.new_page()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def say(page, text: str) -> None:
    page.fill("#chat-body", text)
    page.click("#composer button[type=submit]")
    expect(page.locator("#chat-body")).to_have_value("")


def last_message(page):
    return page.locator("#chat-messages .chat-msg").last


def test_two_staff_chat_live_while_the_owner_reads_along(browser, asgi_server, live_server):
    _supplier, owner, rep, staff, product = market()
    contexts: list = []
    try:
        buyer = window(browser, asgi_server, contexts, axe=True)
        sign_in(buyer, staff.email)
        # "Chat now" on the product page goes to the rep who owns the product.
        buyer.goto(f"/products/{product.slug}/")
        buyer.click("main button:has-text('Chat now')")
        buyer.wait_for_url(re.compile(r"/messenger/\d+/$"))
        conversation = Conversation.objects.get()
        assert conversation.rep == rep and conversation.product == product
        expect(buyer.locator("#chat-mode")).to_have_text("Live")
        say(buyer, "Hello Lily, do you ship the 5050 strip to Hamburg?")

        seller = window(browser, asgi_server, contexts)
        sign_in(seller, rep.email)
        expect(seller.locator("#chat-nav-count")).to_contain_text("1")
        seller.click("nav.sidebar a:has-text('Messenger')")
        seller.click("#chat-list a:has-text('Nordlicht Handels GmbH')")
        expect(seller.locator("#chat-mode")).to_have_text("Live")
        expect(last_message(seller)).to_contain_text("ship the 5050 strip to Hamburg")

        boss = window(browser, asgi_server, contexts)
        sign_in(boss, owner.email)
        boss.goto(f"/messenger/{conversation.pk}/")
        expect(boss.locator(".chat-readalong")).to_be_visible()
        expect(boss.locator("#composer")).to_have_count(0)
        expect(boss.locator("#chat-mode")).to_have_text("Live")

        # Live both ways: nobody reloads.
        expect(buyer.locator("#chat-presence")).to_contain_text("online now")
        say(seller, "Yes, FOB Shenzhen or CIF Hamburg. MOQ is 500 m < 1 container.")
        expect(last_message(buyer)).to_contain_text("CIF Hamburg")
        expect(last_message(boss)).to_contain_text("CIF Hamburg")
        say(buyer, "Great. Please quote 5,000 m, CIF Hamburg.")
        expect(last_message(seller)).to_contain_text("quote 5,000 m")
        expect(last_message(boss)).to_contain_text("quote 5,000 m")
        expect(buyer.locator("#chat-seen")).to_be_visible()  # the rep's page read it

        # Script is refused with a clear message and the text stays in the box.
        buyer.fill("#chat-body", "<script>alert('x')</script>")
        buyer.click("#composer button[type=submit]")
        expect(buyer.locator("#chat-error")).to_contain_text("script or HTML code")
        expect(buyer.locator("#chat-body")).to_have_value("<script>alert('x')</script>")
        buyer.fill("#chat-body", "")

        # A file goes through HTTP and still arrives live.
        spec = ARTIFACTS / "chat-spec.csv"
        ARTIFACTS.mkdir(exist_ok=True)
        spec.write_text("length_m,price_usd\n5000,1.35\n", encoding="utf-8")
        seller.set_input_files("#chat-files", str(spec))
        seller.fill("#chat-body", "Our price list")
        seller.click("#composer button[type=submit]")
        expect(last_message(buyer)).to_contain_text("chat-spec.csv")
        expect(last_message(boss)).to_contain_text("chat-spec.csv")

        assert Message.objects.count() == 4
        assert_accessible(buyer, "messenger, buyer")
        shot(buyer, "messenger-buyer")
        shot(seller, "messenger-rep")
        shot(boss, "messenger-owner-reading-along")
        boss.click("nav.sidebar a:has-text('Chat contacts')")
        expect(boss.locator("table.chat-contacts")).to_contain_text("Jonas Becker")
        expect(boss.locator("table.chat-contacts")).to_contain_text("Lily Zhang")
        shot(boss, "messenger-contacts")
        boss.go_back()
        expect(boss.locator("#chat-mode")).to_have_text("Live")

        # Polling fallback: the same conversation on a server without WebSockets.
        fallback = window(browser, live_server.url, contexts)
        sign_in(fallback, staff.email)
        fallback.goto(f"/messenger/{conversation.pk}/")
        expect(fallback.locator("#chat-mode")).to_have_text(re.compile(r"Updating every \d+ s"))
        say(seller, "Sample can leave tomorrow by DHL.")
        expect(last_message(fallback)).to_contain_text("by DHL", timeout=12_000)
        say(fallback, "Sent from the polling page")
        expect(last_message(seller)).to_contain_text("Sent from the polling page")
        expect(last_message(boss)).to_contain_text("Sent from the polling page")
        shot(fallback, "messenger-polling-fallback")
        assert Message.objects.count() == 6

        # The company page lists the reps with who is online now; picking one starts a chat.
        buyer.goto(f"/companies/{_supplier.slug}/")
        reps = buyer.locator("fieldset.chat-reps")
        expect(reps.locator("label:has-text('Lily Zhang')")).to_contain_text("online now")
        shot(buyer, "messenger-company-page-chat-now")
        reps.locator("label:has-text('Chen Wei') input").check()
        buyer.locator("form.chat-start button:has-text('Chat now')").click()
        buyer.wait_for_url(re.compile(r"/messenger/\d+/$"))
        assert Conversation.objects.filter(rep=owner).count() == 1
        expect(buyer.locator("#chat-empty")).to_be_visible()

        # A message in the other chat shows up in the list while this one is open.
        expect(buyer.locator("#chat-mode")).to_have_text("Live")
        say(seller, "Are you still there?")
        first = buyer.locator(f'#chat-list li[data-conversation="{conversation.pk}"]')
        expect(first.locator(".chat-count")).to_have_text("1")
        expect(buyer.locator("#chat-list li").first).to_have_attribute(
            "data-conversation", str(conversation.pk)
        )
        # The messenger's home page keeps its list current too.
        buyer.goto("/messenger/")
        expect(buyer.locator("#chat-list")).to_have_attribute("data-live", "1")
        say(seller, "One more thing: the reels are 5 m.")
        expect(first.locator(".chat-count")).to_have_text("2")
    finally:
        for context in contexts:
            context.close()
