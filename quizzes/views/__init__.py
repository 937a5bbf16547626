from .errors import bad_request, forbidden, not_found, rate_limited, server_error

__all__ = ["bad_request", "forbidden", "not_found", "rate_limited", "server_error"]
