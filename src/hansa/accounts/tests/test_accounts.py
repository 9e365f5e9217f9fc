"""Sign-up with e-mail verification, login, throttling, password reset, TOTP two-factor."""

from __future__ import annotations

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth.hashers import identify_hasher, make_password
from django.core import mail
from django.test import Client, override_settings

from hansa.accounts.models import User
from hansa.companies.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def confirm_link(message) -> str:
    return re.search(r"https?://[^/]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def test_signup_sends_a_verification_mail_and_login_waits_for_it():
    client = Client()
    response = client.post(
        "/accounts/signup/",
        {"email": "Li.Wei@Example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get()
    assert user.email == "li.wei@example.com"
    assert len(mail.outbox) == 1
    link = confirm_link(mail.outbox[0])
    # Not verified yet: signing in lands on the "verify your e-mail" page, not the workspace.
    other = Client()
    response = other.post("/accounts/login/", {"login": "li.wei@example.com", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/accounts/confirm-email/"
    assert other.get("/workspace/").status_code == 302
    # Confirming takes a POST (mail scanners follow GET links) and signs the user in.
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert client.get("/workspace/").status_code == 200


@pytest.mark.parametrize(
    "password, message",
    [("short", "too short"), ("1234567890123", "entirely numeric"), ("password1234", "too common")],
)
def test_weak_passwords_are_refused(password, message):
    response = Client().post(
        "/accounts/signup/",
        {"email": "a@example.com", "password1": password, "password2": password},
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert not User.objects.exists()


def test_passwords_are_hashed_with_argon2_in_real_settings():
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"]):
        assert identify_hasher(make_password("x" * 12)).algorithm == "argon2"
    from hansa.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_failed_logins_are_throttled_per_account():
    user = UserFactory()
    client = Client()
    for _ in range(5):
        response = client.post(
            "/accounts/login/", {"login": user.email, "password": "wrong-password"}
        )
        assert response.status_code == 200
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_mails_a_working_link():
    user = UserFactory()
    client = Client()
    client.post("/accounts/password/reset/", {"email": user.email})
    assert len(mail.outbox) == 1
    link = re.search(
        r"https?://[^/]+(/accounts/password/reset/key/[^\s]+/)", mail.outbox[0].body
    ).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    new_password = "a-brand-new-passphrase-42"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    assert User.objects.get(pk=user.pk).check_password(new_password)


def test_totp_two_factor_is_asked_at_login():
    user = UserFactory()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client = Client()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/workspace/").status_code == 302
    response = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert client.get("/workspace/").status_code == 200


def test_invited_people_sign_up_and_come_back_to_their_invitation(supplier, owner):
    from hansa.companies import services
    from hansa.companies.models import Membership
    from hansa.companies.roles import Role

    _inv, raw = services.invitation_create(
        company=supplier, by=owner, email="rep@example.com", role=Role.SALES_REP
    )
    client = Client()
    page = client.get(f"/invitations/{raw}/")
    assert page.status_code == 200 and supplier.name in page.content.decode()
    client.post(
        "/accounts/signup/",
        {"email": "rep@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    link = confirm_link(mail.outbox[-1])
    response = client.post(link, follow=True)
    assert response.redirect_chain[-1][0] == f"/invitations/{raw}/"
    assert "Accept invitation" in response.content.decode()
    client.post(f"/invitations/{raw}/")
    assert Membership.objects.get(user__email="rep@example.com").company == supplier
