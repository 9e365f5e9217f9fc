from ninja import Router

router = Router(tags=["rfqs"])
quotes_router = Router(tags=["quotes"])
ops_router = Router(tags=["operations"])
