"""Company profile, members and invitations over the API; the public company card."""

from __future__ import annotations

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.responses import Status

from hansa.api.common import ERRORS, member
from hansa.companies import selectors, services
from hansa.companies.access import access_invitation, access_member, access_public_company
from hansa.companies.models import Company, Membership
from hansa.companies.roles import Perm
from hansa.core.errors import BusinessError

router = Router(tags=["company"])
public_router = Router(tags=["companies"], auth=None)


class NameOut(Schema):
    language: str
    name: str
    description: str


class MarketOut(Schema):
    region: str
    share_percent: int


class CertificationOut(Schema):
    id: int
    name: str
    issuer: str
    number: str
    valid_from: date | None
    valid_until: date | None


class ContactOut(Schema):
    id: int
    name: str
    job_title: str
    email: str
    phone: str
    is_primary: bool


class CompanyPublicOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    country: str
    city: str
    website: str
    description: str
    year_established: int | None
    employees: str
    business_types: list[str]
    main_products: list[str]
    export_revenue: str
    factory_area_m2: int | None
    production_lines: int | None
    rnd_staff: int | None
    qc_staff: int | None
    nearest_port: str | None
    lead_time_days: int | None
    languages_spoken: list[str]
    verification_status: str
    star_rating: int
    names: list[NameOut]
    main_markets: list[MarketOut]
    certifications: list[CertificationOut]
    url: str

    @staticmethod
    def resolve_country(obj: Company) -> str:
        return obj.country.code

    @staticmethod
    def resolve_nearest_port(obj: Company) -> str | None:
        return obj.nearest_port.locode if obj.nearest_port_id else None

    @staticmethod
    def resolve_url(obj: Company) -> str:
        return obj.get_absolute_url()


class CompanyOut(CompanyPublicOut):
    subdivision: str
    address: str
    postal_code: str
    phone: str
    qc_process: str
    contacts: list[ContactOut]
    created_at: datetime


class CompanyPatchIn(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: str | None = None
    country: str | None = Field(None, min_length=2, max_length=2)
    subdivision: str | None = Field(None, max_length=10)
    city: str | None = Field(None, max_length=100)
    address: str | None = Field(None, max_length=255)
    postal_code: str | None = Field(None, max_length=20)
    website: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=40)
    description: str | None = Field(None, max_length=5000)
    year_established: int | None = Field(None, ge=1800, le=2100)
    employees: str | None = None
    business_types: list[str] | None = None
    main_products: list[str] | None = Field(None, max_length=10)
    export_revenue: str | None = None
    factory_area_m2: int | None = Field(None, ge=0)
    production_lines: int | None = Field(None, ge=0, le=10000)
    rnd_staff: int | None = Field(None, ge=0, le=30000)
    qc_staff: int | None = Field(None, ge=0, le=30000)
    qc_process: str | None = Field(None, max_length=2000)
    nearest_port: str | None = Field(None, description="UN/LOCODE, e.g. CNSHA")
    lead_time_days: int | None = Field(None, ge=0, le=365)
    languages_spoken: list[str] | None = None


class MarketIn(Schema):
    region: str
    share_percent: int = Field(..., ge=1, le=100)


class MemberOut(Schema):
    id: int
    email: str
    full_name: str
    role: str
    is_active: bool
    joined_at: datetime
    deactivated_at: datetime | None

    @staticmethod
    def resolve_email(obj: Membership) -> str:
        return obj.user.email

    @staticmethod
    def resolve_full_name(obj: Membership) -> str:
        return obj.user.full_name


class MemberPatchIn(Schema):
    role: str | None = None
    is_active: bool | None = None


class InvitationIn(Schema):
    email: str = Field(..., max_length=254)
    role: str


class InvitationOut(Schema):
    id: int
    email: str
    role: str
    created_at: datetime
    expires_at: datetime


def _company_detail(company_id: int) -> Company:
    return (
        Company.objects.select_related("nearest_port")
        .prefetch_related("names", "main_markets", "certifications", "contacts")
        .get(pk=company_id)
    )


@router.get("", response={200: CompanyOut, **ERRORS}, summary="Your company's profile")
def get_company(request: HttpRequest) -> Company:
    return _company_detail(member(request).company_id)


@router.patch("", response={200: CompanyOut, **ERRORS}, summary="Change your company's profile")
def patch_company(request: HttpRequest, payload: CompanyPatchIn) -> Company:
    m = member(request, Perm.EDIT_PROFILE)
    fields = payload.dict(exclude_unset=True)
    if "nearest_port" in fields:
        from hansa.trade.models import Port

        code = (fields["nearest_port"] or "").upper()
        port = Port.objects.filter(locode=code).first() if code else None
        if code and port is None:
            raise BusinessError(
                f"Unknown port {code!r}; give a UN/LOCODE such as CNSHA.", field="nearest_port"
            )
        fields["nearest_port"] = port
    for key in (
        "subdivision",
        "city",
        "address",
        "postal_code",
        "website",
        "phone",
        "description",
        "qc_process",
        "employees",
        "export_revenue",
    ):
        if key in fields and fields[key] is None:
            fields[key] = ""
    from django.core.exceptions import ValidationError as DjangoValidationError

    try:
        services.company_update(company=m.company, by=request.user, **fields)
    except DjangoValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise BusinessError(messages[0], field=field) from None
    return _company_detail(m.company_id)


@router.put(
    "/main-markets", response={200: list[MarketOut], **ERRORS}, summary="Replace your main markets"
)
def put_markets(request: HttpRequest, payload: list[MarketIn]) -> list[object]:
    m = member(request, Perm.EDIT_PROFILE)
    from hansa.trade.regions import MARKET_REGIONS

    valid = {code for code, _label in MARKET_REGIONS}
    for item in payload:
        if item.region not in valid:
            raise BusinessError(f"Unknown market region {item.region!r}.", field="region")
    services.company_set_main_markets(
        company=m.company, markets=[(i.region, i.share_percent) for i in payload]
    )
    return list(m.company.main_markets.all())


@router.get(
    "/members", response={200: list[MemberOut], **ERRORS}, summary="Members of your company"
)
def list_members(request: HttpRequest) -> list[Membership]:
    m = member(request, Perm.VIEW_MEMBERS)
    return list(selectors.members_of(m.company))


@router.patch(
    "/members/{member_id}",
    response={200: MemberOut, **ERRORS},
    summary="Change a member's role or access",
)
def patch_member(request: HttpRequest, member_id: int, payload: MemberPatchIn) -> Membership:
    m = member(request, Perm.MANAGE_MEMBERS)
    target = access_member(m, member_id)
    if payload.role is not None:
        target = services.membership_change_role(member=target, by=request.user, role=payload.role)
    if payload.is_active is False:
        target = services.membership_deactivate(member=target, by=request.user)
    elif payload.is_active is True:
        target = services.membership_reactivate(member=target, by=request.user)
    return access_member(m, member_id)


@router.get(
    "/invitations", response={200: list[InvitationOut], **ERRORS}, summary="Open invitations"
)
def list_invitations(request: HttpRequest) -> list[object]:
    m = member(request, Perm.MANAGE_MEMBERS)
    return list(selectors.open_invitations(m.company))


@router.post(
    "/invitations", response={201: InvitationOut, **ERRORS}, summary="Invite someone by e-mail"
)
def create_invitation(request: HttpRequest, payload: InvitationIn) -> Status:
    m = member(request, Perm.MANAGE_MEMBERS)
    from django.core.exceptions import ValidationError as DjangoValidationError
    from django.core.validators import validate_email

    try:
        validate_email(payload.email)
    except DjangoValidationError:
        raise BusinessError("Enter a valid e-mail address.", field="email") from None
    invitation, _raw = services.invitation_create(
        company=m.company, by=request.user, email=payload.email, role=payload.role
    )
    return Status(201, invitation)


@router.delete(
    "/invitations/{invitation_id}", response={204: None, **ERRORS}, summary="Withdraw an invitation"
)
def revoke_invitation(request: HttpRequest, invitation_id: int) -> Status:
    m = member(request, Perm.MANAGE_MEMBERS)
    services.invitation_revoke(invitation=access_invitation(m, invitation_id), by=request.user)
    return Status(204, None)


@public_router.get(
    "/{slug}", response={200: CompanyPublicOut, 404: dict}, summary="A company's public profile"
)
def public_company(request: HttpRequest, slug: str) -> Company:
    company = access_public_company(slug)
    return _company_detail(company.pk)
