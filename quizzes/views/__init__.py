from .errors import bad_request, forbidden, not_found

__all__ = ["bad_request", "forbidden", "not_found"]
