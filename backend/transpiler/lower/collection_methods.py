"""Methods of list, dict, set, deque and numbers: one entry per method."""

from __future__ import annotations

from backend.transpiler import rtypes as rt
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call, Lowerer
from backend.transpiler.lower.methods import (
    DEQUE_METHODS,
    DICT_METHODS,
    LIST_METHODS,
    NUMBER_METHODS,
    SET_METHODS,
    TUPLE_METHODS,
    _out,
    _r,
    _recv,
    method,
)
from backend.transpiler.lower.subscripts import key_ref
from backend.transpiler.operations import LIST_POP

# ---- list ----


def _elem(call: Call) -> rt.RType:
    ty = _recv(call).ty
    return ty.elem if isinstance(ty, rt.ListT | rt.SetT | rt.DequeT) else rt.UNKNOWN


@method(LIST_METHODS, "append")
def list_append(call: Call) -> Expr:
    item = values.owned(call.arg(0, _elem(call)))
    return _out(f"{_r(call)}.push({item})", rt.UNIT)


@method(LIST_METHODS, "extend")
def list_extend(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, _ = owned_iterator(call)
    return _out(f"{_r(call)}.extend({values.argument(iterator)})", rt.UNIT)


@method(LIST_METHODS, "pop")
def list_pop(call: Call) -> Expr:
    if not call.args:
        return _out(f'{_r(call)}.pop().expect("{LIST_POP.raises[0].message}")', _elem(call))
    call.helper("py_list_pop")
    index = values.value(call.arg(0, rt.INT))
    return _out(f"py_list_pop({values.borrow_mut(_recv(call))}, {index})", _elem(call), Prec.ATOM)


@method(LIST_METHODS, "insert")
def list_insert(call: Call) -> Expr:
    call.helper("py_list_insert")
    index = values.value(call.arg(0, rt.INT))
    item = values.owned(call.arg(1, _elem(call)))
    return _out(
        f"py_list_insert({values.borrow_mut(_recv(call))}, {index}, {item})", rt.UNIT, Prec.ATOM
    )


@method(LIST_METHODS, "remove")
def list_remove(call: Call) -> Expr:
    call.helper("py_list_remove")
    item = call.arg(0, _elem(call))
    return _out(
        f"py_list_remove({values.borrow_mut(_recv(call))}, {_elem_ref(item)})", rt.UNIT, Prec.ATOM
    )


def _elem_ref(item: Expr) -> str:
    if isinstance(item.ty, rt.StrT) and item.kind is Kind.BORROWED:
        return f"&{item.code}.to_string()"
    return values.borrow(item)


@method(LIST_METHODS, "index")
def list_index(call: Call) -> Expr:
    call.helper("py_list_index")
    item = call.arg(0, _elem(call))
    recv = _recv(call)
    if len(call.args) > 1:
        # `xs.index(x, start)`: search the tail, report the index in the whole list
        start = values.value(call.arg(1, rt.INT))
        code = (
            f"{{ let n = {recv.at(Prec.POSTFIX)}.len() as i64; let k = {start}; "
            f"let s = (if k < 0 {{ (k + n).max(0) }} else {{ k.min(n) }}) as usize; "
            f"py_list_index(&{recv.at(Prec.POSTFIX)}[s..], {_elem_ref(item)}) + s as i64 }}"
        )
        return _out(code, rt.INT, Prec.ATOM)
    return _out(f"py_list_index({values.borrow(recv)}, {_elem_ref(item)})", rt.INT, Prec.ATOM)


@method(LIST_METHODS, "count")
def list_count(call: Call) -> Expr:
    item = call.arg(0, _elem(call))
    if isinstance(item.ty, rt.StrT):
        needle = values.borrow_str(item)
        return _out(
            f"{_r(call)}.iter().filter(|x| *x == {needle}).count() as i64", rt.INT, Prec.CAST
        )
    return _out(
        f"{_r(call)}.iter().filter(|&x| *x == {_needle(item)}).count() as i64",
        rt.INT,
        Prec.CAST,
    )


def _needle(item: Expr) -> str:
    """The value compared with `==` (`flags.count(a and b)`: `*x == (a && b)`)."""
    return values.owned_expr(item).at(Prec.BITOR)


@method(LIST_METHODS, "reverse")
def list_reverse(call: Call) -> Expr:
    return _out(f"{_r(call)}.reverse()", rt.UNIT)


@method(LIST_METHODS, "sort")
def list_sort(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import sort_statement

    target = _recv(call)
    code = sort_statement(call, "TARGET", _elem(call))
    if target.kind is Kind.MUT_BORROWED:
        code = code.replace("&mut TARGET", target.code)
    return _out(code.replace("TARGET", target.at(Prec.POSTFIX)), rt.UNIT)


@method(LIST_METHODS, "copy")
def list_copy(call: Call) -> Expr:
    return values.owned_expr(_recv(call))


@method(LIST_METHODS, "clear")
def list_clear(call: Call) -> Expr:
    return _out(f"{_r(call)}.clear()", rt.UNIT)


# ---- dict ----


def _dict_t(call: Call) -> rt.DictT:
    ty = _recv(call).ty
    assert isinstance(ty, rt.DictT)
    return ty


@method(DICT_METHODS, "get")
def dict_get(call: Call) -> Expr:
    ty = _dict_t(call)
    key = key_ref(call.arg(0, ty.key))
    fetch = f"{_r(call)}.get({key})"
    copy = "copied" if ty.value.is_copy else "cloned"
    if len(call.args) > 1 or "default" in call.kwargs:
        default = call.arg(1, ty.value) if len(call.args) > 1 else call.kwarg("default", ty.value)
        assert default is not None
        if ty.value.is_copy:
            return _out(f"{fetch}.copied().unwrap_or({values.owned(default)})", ty.value)
        return _out(f"{fetch}.cloned().unwrap_or_else(|| {values.owned(default)})", ty.value)
    return _out(f"{fetch}.{copy}()", rt.OptionT(ty.value))


@method(DICT_METHODS, "setdefault")
def dict_setdefault(call: Call) -> Expr:
    ty = _dict_t(call)
    key = values.owned(call.arg(0, ty.key))
    default = values.owned(call.arg(1, ty.value)) if len(call.args) > 1 else "Default::default()"
    if ty.value.is_copy:
        # read as a value: the block ends the mutable borrow at once
        return _out(
            f"{{ *{_r(call)}.get_or_insert_with({key}, || {default}) }}", ty.value, Prec.ATOM
        )
    return Expr(
        f"{_r(call)}.get_or_insert_with({key}, || {default})",
        ty.value,
        Kind.MUT_BORROWED,
        Prec.POSTFIX,
    )


@method(DICT_METHODS, "pop")
def dict_pop(call: Call) -> Expr:
    ty = _dict_t(call)
    key = key_ref(call.arg(0, ty.key))
    if len(call.args) > 1:
        default = values.owned(call.arg(1, ty.value))
        return _out(f"{_r(call)}.remove({key}).unwrap_or({default})", ty.value)
    return _out(f'{_r(call)}.remove({key}).expect("KeyError")', ty.value)


@method(DICT_METHODS, "popitem")
def dict_popitem(call: Call) -> Expr:
    ty = _dict_t(call)
    return _out(
        f'{_r(call)}.pop_last().expect("popitem(): dictionary is empty")',
        rt.TupleT((ty.key, ty.value)),
    )


@method(DICT_METHODS, "update")
def dict_update(call: Call) -> Expr:
    ty = _dict_t(call)
    if ty.flavour == "counter":
        if call.kwargs:
            raise call.fail("Counter.update() with keyword arguments", "PRT172")
        return _counter_add(call, "+=")
    steps = []
    if call.args:
        other = call.arg(0)
        if isinstance(other.ty, rt.DictT) and other.kind is not Kind.OWNED:
            steps.append(
                f"{_r(call)}.extend({other.at(Prec.POSTFIX)}.iter()"
                ".map(|(k, v)| (k.clone(), v.clone())))"
            )
        else:
            steps.append(f"{_r(call)}.extend({values.owned(other)})")
    for name in call.kwargs:  # `d.update(a=1)`: string keys, in order
        value = values.owned(call.kwarg(name, ty.value))  # type: ignore[arg-type]
        steps.append(f'{_r(call)}.insert("{name}".to_string(), {value})')
    if len(steps) == 1:
        return _out(steps[0], rt.UNIT)
    return _out("{ " + "; ".join(steps) + "; }", rt.UNIT, Prec.ATOM)


@method(DICT_METHODS, "items")
def dict_items(call: Call) -> Expr:
    ty = _dict_t(call)
    pair = rt.TupleT((ty.key, ty.value))
    return _out(
        f"{_r(call)}.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>()",
        rt.ListT(pair),
    )


@method(DICT_METHODS, "keys")
def dict_keys(call: Call) -> Expr:
    ty = _dict_t(call)
    copy = "copied" if ty.key.is_copy else "cloned"
    return _out(f"{_r(call)}.keys().{copy}().collect::<Vec<_>>()", rt.ListT(ty.key))


@method(DICT_METHODS, "values")
def dict_values(call: Call) -> Expr:
    ty = _dict_t(call)
    copy = "copied" if ty.value.is_copy else "cloned"
    return _out(f"{_r(call)}.values().{copy}().collect::<Vec<_>>()", rt.ListT(ty.value))


@method(DICT_METHODS, "copy")
def dict_copy(call: Call) -> Expr:
    return values.owned_expr(_recv(call))


@method(DICT_METHODS, "clear")
def dict_clear(call: Call) -> Expr:
    return _out(f"{_r(call)}.clear()", rt.UNIT)


def _counter_add(call: Call, op: str) -> Expr:
    """`Counter.update` / `subtract`: counts from a mapping, or one per item of an iterable."""
    from backend.transpiler.lower.builtins import owned_iterator

    if not call.args:
        return _out("()", rt.UNIT, Prec.ATOM)
    recv = _r(call)
    if isinstance(call.ctx.module.type_of(call.args[0]), rt.DictT):
        other = call.arg(0)
        code = (
            f"for (k, v) in {other.at(Prec.POSTFIX)}.iter() {{ "
            f"*{recv}.get_or_insert_with(k.clone(), || 0) {op} *v; }}"
        )
    else:
        iterator, _ = owned_iterator(call)
        code = f"for item in {iterator} {{ *{recv}.get_or_insert_with(item, || 0) {op} 1; }}"
    return _out(f"{{ {code} }}", rt.UNIT, Prec.ATOM)


@method(DICT_METHODS, "subtract")
def counter_subtract(call: Call) -> Expr:
    return _counter_add(call, "-=")


@method(DICT_METHODS, "total")
def counter_total(call: Call) -> Expr:
    call.helper("py_int_sum")
    return _out(f"py_int_sum({_r(call)}.values().copied())", rt.INT)


@method(DICT_METHODS, "elements")
def counter_elements(call: Call) -> Expr:
    ty = _dict_t(call)
    take = "*k" if ty.key.is_copy else "k.clone()"
    code = (
        f"{_r(call)}.iter().flat_map(|(k, &n)| std::iter::repeat({take}).take(n.max(0) as usize))"
    )
    return _out(code, rt.IterT(ty.key))


@method(DICT_METHODS, "most_common")
def counter_most_common(call: Call) -> Expr:
    ty = _dict_t(call)
    call.helper("py_counter_most_common")
    n = f"Some({values.value(call.arg(0, rt.INT))})" if call.args else "None"
    return _out(
        f"py_counter_most_common({values.borrow(_recv(call))}, {n})",
        rt.ListT(rt.TupleT((ty.key, rt.INT))),
        Prec.ATOM,
    )


# ---- set ----


@method(SET_METHODS, "add")
def set_add(call: Call) -> Expr:
    return _out(f"{_r(call)}.insert({values.owned(call.arg(0, _elem(call)))})", rt.UNIT)


@method(SET_METHODS, "discard", "remove")
def set_discard(call: Call) -> Expr:
    item = call.arg(0, _elem(call))
    ref = values.borrow_str(item) if isinstance(item.ty, rt.StrT) else values.borrow(item)
    name = call.node.callee.name  # type: ignore[attr-defined]
    if name == "remove":
        return _out(f'assert!({_r(call)}.remove({ref}), "KeyError")', rt.UNIT)
    return _out(f"{_r(call)}.remove({ref})", rt.UNIT)


def _set_binary(op: str) -> Lowerer:
    def lower(call: Call) -> Expr:
        other = call.arg(0)
        if not isinstance(other.ty, rt.SetT):
            kind = _recv(call).ty.render().split("<")[0]
            other_code = f"&{other.at(Prec.POSTFIX)}.iter().cloned().collect::<{kind}<_>>()"
        else:
            other_code = values.borrow(other)
        return _out(f"{values.borrow(_recv(call))} {op} {other_code}", _recv(call).ty, Prec.BITOR)

    return lower


SET_METHODS["union"] = _set_binary("|")
SET_METHODS["intersection"] = _set_binary("&")
SET_METHODS["difference"] = _set_binary("-")
SET_METHODS["symmetric_difference"] = _set_binary("^")


@method(SET_METHODS, "issubset", "issuperset", "isdisjoint")
def set_relation(call: Call) -> Expr:
    name = call.node.callee.name  # type: ignore[attr-defined]
    rust = {"issubset": "is_subset", "issuperset": "is_superset", "isdisjoint": "is_disjoint"}[name]
    return _out(f"{_r(call)}.{rust}({values.borrow(call.arg(0))})", rt.BOOL)


@method(SET_METHODS, "update")
def set_update(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, _ = owned_iterator(call)
    return _out(f"{_r(call)}.extend({values.argument(iterator)})", rt.UNIT)


@method(SET_METHODS, "copy")
def set_copy(call: Call) -> Expr:
    return values.owned_expr(_recv(call))


@method(SET_METHODS, "clear")
def set_clear(call: Call) -> Expr:
    return _out(f"{_r(call)}.clear()", rt.UNIT)


@method(SET_METHODS, "pop")
def set_pop(call: Call) -> Expr:
    return _out(f'{_r(call)}.pop_first().expect("pop from an empty set")', _elem(call))


# ---- deque ----


@method(DEQUE_METHODS, "append")
def deque_append(call: Call) -> Expr:
    return _out(f"{_r(call)}.push_back({values.owned(call.arg(0, _elem(call)))})", rt.UNIT)


@method(DEQUE_METHODS, "appendleft")
def deque_appendleft(call: Call) -> Expr:
    return _out(f"{_r(call)}.push_front({values.owned(call.arg(0, _elem(call)))})", rt.UNIT)


@method(DEQUE_METHODS, "pop")
def deque_pop(call: Call) -> Expr:
    return _out(f'{_r(call)}.pop_back().expect("pop from an empty deque")', _elem(call))


@method(DEQUE_METHODS, "popleft")
def deque_popleft(call: Call) -> Expr:
    return _out(f'{_r(call)}.pop_front().expect("pop from an empty deque")', _elem(call))


@method(DEQUE_METHODS, "extend")
def deque_extend(call: Call) -> Expr:
    from backend.transpiler.lower.builtins import owned_iterator

    iterator, _ = owned_iterator(call)
    return _out(f"{_r(call)}.extend({values.argument(iterator)})", rt.UNIT)


@method(DEQUE_METHODS, "rotate")
def deque_rotate(call: Call) -> Expr:
    n = values.value(call.arg(0, rt.INT)) if call.args else "1"
    recv = _r(call)
    code = (
        f"{{ let n: i64 = {n}; if !{recv}.is_empty() {{ "
        f"let k = n.rem_euclid({recv}.len() as i64) as usize; "
        f"{recv}.rotate_right(k); }} }}"
    )
    return _out(code, rt.UNIT, Prec.ATOM)


@method(DEQUE_METHODS, "clear")
def deque_clear(call: Call) -> Expr:
    return _out(f"{_r(call)}.clear()", rt.UNIT)


@method(DEQUE_METHODS, "index")
def deque_index(call: Call) -> Expr:
    if len(call.args) > 1:
        raise call.fail("deque.index() with start/stop")
    item = _elem_ref(call.arg(0, _elem(call)))
    code = (
        f"{{ let x = {item}; {_r(call)}.iter().position(|e| e == x)"
        f'.map_or_else(|| panic!("ValueError: x is not in deque"), |i| i as i64) }}'
    )
    return _out(code, rt.INT, Prec.ATOM)


@method(DEQUE_METHODS, "count")
def deque_count(call: Call) -> Expr:
    item = _elem_ref(call.arg(0, _elem(call)))
    code = f"{{ let x = {item}; {_r(call)}.iter().filter(|e| *e == x).count() as i64 }}"
    return _out(code, rt.INT, Prec.ATOM)


# ---- numbers ----


@method(NUMBER_METHODS, "is_integer")
def float_is_integer(call: Call) -> Expr:
    return _out(f"{_r(call)}.fract() == 0.0", rt.BOOL, Prec.CMP)


@method(NUMBER_METHODS, "bit_length")
def int_bit_length(call: Call) -> Expr:
    return _out(f"(64 - {_r(call)}.unsigned_abs().leading_zeros()) as i64", rt.INT, Prec.CAST)


# ---- tuple ----


def _tuple_items(call: Call) -> tuple[str, rt.RType]:
    """A homogeneous tuple as an array of references `[&t.0, &t.1]` (its item type)."""
    recv = _recv(call)
    ty = recv.ty
    assert isinstance(ty, rt.TupleT)
    if len(set(ty.items)) != 1:
        raise call.fail("`index`/`count` on a tuple of mixed item types", "PRT171")
    base = recv.at(Prec.POSTFIX)
    return f"[{', '.join(f'&{base}.{i}' for i in range(len(ty.items)))}]", ty.items[0]


@method(TUPLE_METHODS, "index")
def tuple_index(call: Call) -> Expr:
    items, elem = _tuple_items(call)
    needle = values.borrow(call.arg(0, elem))
    code = (
        f"{items}.iter().position(|item| *item == {needle})"
        '.expect("ValueError: tuple.index(x): x not in tuple") as i64'
    )
    return _out(code, rt.INT, Prec.CAST)


@method(TUPLE_METHODS, "count")
def tuple_count(call: Call) -> Expr:
    items, elem = _tuple_items(call)
    needle = values.borrow(call.arg(0, elem))
    return _out(
        f"{items}.iter().filter(|item| **item == {needle}).count() as i64", rt.INT, Prec.CAST
    )
