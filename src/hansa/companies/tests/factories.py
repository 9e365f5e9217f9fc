"""factory_boy factories for users, companies and memberships."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Permission

from hansa.accounts.models import User
from hansa.companies.choices import CompanyKind
from hansa.companies.models import Company, Membership
from hansa.companies.roles import Role

PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OperatorFactory(UserFactory):
    """Operator staff in the verification reviewers' role."""

    is_staff = True
    email = factory.Sequence(lambda n: f"operator{n}@hansa.example")

    @factory.post_generation
    def reviewer(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted is not False:
            self.user_permissions.add(
                Permission.objects.get(
                    codename="review_verification", content_type__app_label="verification"
                )
            )


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Company {n} Co., Ltd.")
    slug = factory.Sequence(lambda n: f"company-{n}")
    kind = CompanyKind.SUPPLIER
    country = "CN"
    city = "Ningbo"


class SupplierCompanyFactory(CompanyFactory):
    kind = CompanyKind.SUPPLIER
    business_types = ["manufacturer"]
    main_products = ["LED strip lights", "LED panels"]


class BuyerCompanyFactory(CompanyFactory):
    kind = CompanyKind.BUYER
    country = "DE"
    city = "Hamburg"
    name = factory.Sequence(lambda n: f"Importer {n} GmbH")
    slug = factory.Sequence(lambda n: f"importer-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    company = factory.SubFactory(SupplierCompanyFactory)
    role = Role.OWNER
