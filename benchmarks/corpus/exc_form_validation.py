"""Validating a sign-up form: field validators raise, a collector gathers all errors."""

from typing import Callable


class FieldError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def require_username(value: str) -> str:
    if not 3 <= len(value) <= 12:
        raise FieldError("username", "must be 3-12 characters")
    if not value.replace("_", "").isalnum():
        raise FieldError("username", "letters, digits and _ only")
    return value.lower()


def require_age(value: str) -> int:
    try:
        age = int(value)
    except ValueError:
        raise FieldError("age", f"not a number: {value!r}") from None
    if age < 13:
        raise FieldError("age", "too young")
    return age


def require_email(value: str) -> str:
    user, at, domain = value.partition("@")
    if not at or not user or "." not in domain or domain.startswith("."):
        raise FieldError("email", "invalid address")
    return value


VALIDATORS: dict[str, Callable[[str], object]] = {
    "username": require_username,
    "age": require_age,
    "email": require_email,
}


def validate(form: dict[str, str]) -> tuple[dict[str, object], list[str]]:
    clean: dict[str, object] = {}
    errors: list[str] = []
    for field, validator in VALIDATORS.items():
        try:
            clean[field] = validator(form.get(field, ""))
        except FieldError as err:
            errors.append(str(err))
    return clean, errors


def main() -> None:
    forms = [
        {"username": "Ada_L", "age": "36", "email": "ada@example.org"},
        {"username": "x", "age": "ten", "email": "nobody"},
        {"username": "bad name!", "age": "9"},
    ]
    for form in forms:
        clean, errors = validate(form)
        print(clean)
        print(errors if errors else "valid")


if __name__ == "__main__":
    main()
