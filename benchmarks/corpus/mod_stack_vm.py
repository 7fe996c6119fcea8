"""A tiny stack virtual machine with labels, jumps and a call stack, running a few programs."""

PROGRAMS = {
    "countdown": "push 3; loop:; dup; print; push 1; sub; dup; jnz loop; pop; halt",
    "factorial": "push 1; push 6; top:; dup; jz done; dup; rot; mul; swap; push 1; sub; jmp top; done:; pop; print; halt",
}


def assemble(source: str) -> tuple[list[tuple[str, str]], dict[str, int]]:
    code: list[tuple[str, str]] = []
    labels: dict[str, int] = {}
    for raw in source.replace(";", "\n").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(code)
            continue
        op, _, arg = line.partition(" ")
        code.append((op, arg))
    return code, labels


def run(source: str, max_steps: int = 1000) -> list[int]:
    code, labels = assemble(source)
    stack: list[int] = []
    output: list[int] = []
    pc = steps = 0
    while pc < len(code) and steps < max_steps:
        op, arg = code[pc]
        pc += 1
        steps += 1
        if op == "push":
            stack.append(int(arg))
        elif op == "pop":
            stack.pop()
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == "rot":
            stack.append(stack.pop(-3))
        elif op in ("add", "sub", "mul"):
            b, a = stack.pop(), stack.pop()
            stack.append(a + b if op == "add" else a - b if op == "sub" else a * b)
        elif op == "print":
            output.append(stack.pop())
        elif op == "jmp":
            pc = labels[arg]
        elif op in ("jz", "jnz"):
            if (stack.pop() == 0) == (op == "jz"):
                pc = labels[arg]
        elif op == "halt":
            break
        else:
            raise ValueError(f"unknown op {op!r}")
    return output


def main() -> None:
    for name, src in PROGRAMS.items():
        code, labels = assemble(src)
        print(name, len(code), labels, run(src))
    try:
        run("push 1\nfrobnicate")
    except ValueError as err:
        print("error:", err)
    print(run("push 2\npush 5\nadd\nprint\npush 7\npush 10\nsub\nprint"))


if __name__ == "__main__":
    main()
