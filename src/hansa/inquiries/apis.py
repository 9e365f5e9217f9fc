from ninja import Router

router = Router(tags=["inquiries"])
ops_router = Router(tags=["operations"])
