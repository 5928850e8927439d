"""Two-factor sign-in for staff, and the throttle that counts failures per account."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "right-horse-battery"


def code_for(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def sign_in(client: Client, username: str, *, token: str = "", remote: str = "10.0.0.1") -> int:
    response = client.post(
        reverse("admin:login"),
        {"username": username, "password": PASSWORD, "otp_token": token, "next": "/admin/"},
        REMOTE_ADDR=remote,
    )
    return response.status_code


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("ed", password=PASSWORD, is_staff=True)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", password=PASSWORD)


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)


def test_without_a_device_the_password_alone_opens_the_admin(client, staff):
    assert sign_in(client, "ed") == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_with_a_device_the_password_alone_is_refused(client, staff, device):
    response = client.post(
        reverse("admin:login"), {"username": "ed", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 200
    assert "Enter the code your authenticator app shows now" in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302  # still signed out


def test_with_a_device_a_wrong_code_is_refused_and_the_right_one_opens(
    client, staff, device, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the back-off is tested on its own below
    assert (
        sign_in(client, "ed", token="000000" if code_for(device) != "000000" else "111111") == 200
    )
    assert client.get(reverse("admin:index")).status_code == 302
    assert sign_in(client, "ed", token=code_for(device)) == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_backup_code_works_once(client, staff, device, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = settings.OTP_TOTP_THROTTLE_FACTOR = 0
    from accounts.services import backup_codes_renew

    code = backup_codes_renew(staff)[0]
    assert sign_in(client, "ed", token=code) == 302
    assert client.get(reverse("admin:index")).status_code == 200
    other = Client()
    assert sign_in(other, "ed", token=code) == 200  # used up
    assert other.get(reverse("admin:index")).status_code == 302


def test_a_password_only_session_of_a_user_with_a_device_is_not_let_in(client, staff, device):
    client.force_login(staff)  # a session that never gave a code
    assert client.get(reverse("admin:index")).status_code == 302


def test_setting_up_the_app_turns_it_on_and_shows_backup_codes_once(client, staff, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's back-off after a wrong code, tested below
    client.force_login(staff)
    page = client.get(reverse("admin:two_factor"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "<script" not in html.split('id="content-main"')[1]
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert sign_in(Client(), "ed") == 302  # unconfirmed: not on yet

    wrong = client.post(reverse("admin:two_factor"), {"action": "confirm", "token": "12"})
    assert wrong.status_code == 400
    assert not TOTPDevice.objects.filter(user=staff, confirmed=True).exists()

    done = client.post(
        reverse("admin:two_factor"), {"action": "confirm", "token": code_for(device)}
    )
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(codes) == 10
    assert StaticToken.objects.filter(device__user=staff).count() == 10
    assert client.get(reverse("admin:index")).status_code == 200  # this session is verified
    assert sign_in(Client(), "ed") == 200  # from now on the password alone is not enough


def test_turning_it_off_needs_a_current_code(client, staff, device, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 0
    sign_in(client, "ed", token=code_for(device))
    url = reverse("admin:two_factor")
    refused = client.post(url, {"action": "turn_off", "token": "nope"})
    assert refused.status_code == 400
    assert TOTPDevice.objects.filter(user=staff).exists()
    # The step after the one sign-in used (a used step is refused as a replay), whatever the
    # clock did in between: a window can roll over between sign-in and this request.
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = device.t0 + (device.last_t + 1) * device.step
    client.post(url, {"action": "turn_off", "token": f"{totp.token():06d}"})
    assert not TOTPDevice.objects.filter(user=staff).exists()


def test_a_superuser_must_enrol_when_the_setting_says_so(client, superuser, settings):
    settings.FILMSITE_REQUIRE_2FA_FOR_SUPERUSERS = True
    response = client.post(
        reverse("admin:login"), {"username": "root", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:two_factor")
    # Nothing else of the admin opens until the app is set up.
    assert client.get(reverse("admin:index")).status_code == 302
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 302
    page = client.get(reverse("admin:two_factor"))
    assert "requires superusers" in page.content.decode()
    device = TOTPDevice.objects.get(user=superuser)
    client.post(reverse("admin:two_factor"), {"action": "confirm", "token": code_for(device)})
    assert client.get(reverse("admin:index")).status_code == 200


def test_without_the_setting_a_superuser_may_sign_in_with_a_password(client, superuser, settings):
    settings.FILMSITE_REQUIRE_2FA_FOR_SUPERUSERS = False
    assert sign_in(client, "root") == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_setting_is_on_by_default_in_production():
    import secrets
    import subprocess
    import sys

    code = "from django.conf import settings; print(settings.FILMSITE_REQUIRE_2FA_FOR_SUPERUSERS)"
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "filmsite.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "example.org",
    }
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "True"


def test_a_guesser_spread_over_many_addresses_is_stopped_per_account(staff, settings):
    settings.FILMSITE_ACCOUNT_FAILURE_LIMIT = 8
    # Four guesses from each of two addresses: under the per-address limit of five.
    for remote in ("10.0.0.1", "10.0.0.2"):
        for i in range(4):
            status = (
                Client()
                .post(
                    reverse("admin:login"),
                    {"username": "ed", "password": f"guess-{i}"},
                    REMOTE_ADDR=remote,
                )
                .status_code
            )
            assert status == 200
    # A third address, with the right password: the account is paused.
    response = Client().post(
        reverse("admin:login"),
        {"username": "ed", "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR="10.0.0.3",
    )
    assert response.status_code == 429
    # Another account is not affected (positive control).


def test_failures_below_the_account_limit_do_not_pause_it(staff, settings):
    settings.FILMSITE_ACCOUNT_FAILURE_LIMIT = 8
    for remote in ("10.0.0.1", "10.0.0.2"):
        for i in range(3):
            Client().post(
                reverse("admin:login"),
                {"username": "ed", "password": f"guess-{i}"},
                REMOTE_ADDR=remote,
            )
    assert sign_in(Client(), "ed", remote="10.0.0.3") == 302


def test_a_wrong_code_makes_the_next_try_wait(client, staff, device, settings):
    """django-otp's back-off: after a wrong code even the right one waits, and the page says so."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a minute's wait, however slow the machine
    assert (
        sign_in(client, "ed", token="000000" if code_for(device) != "000000" else "111111") == 200
    )
    response = client.post(
        reverse("admin:login"),
        {"username": "ed", "password": PASSWORD, "otp_token": code_for(device), "next": "/admin/"},
    )
    assert response.status_code == 200
    assert "wait a few seconds" in response.content.decode()
