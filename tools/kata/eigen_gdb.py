# A gdb pretty-printer for the kata's tensors (lib/backprop/tensor.h), loaded by `kata debug`:
# `p dlogits` shows its shape and its numbers as PyTorch prints a tensor, the middle rows and
# columns elided when there are more than six. Debian's Eigen ships no printer of its own.
#
#   (gdb) p counts_sum_inv
#   $1 = ColVector (32, 1) float
#   [[0.0476],
#    [0.0431],
#    ...
#
# `p/r dlogits` prints Eigen's raw fields instead.
import re

import gdb

EDGE = 3  # rows and columns kept at each end of a long side, as torch.set_printoptions(edgeitems=3)
DYNAMIC = -1
_DTYPES = {"float": "float32", "double": "float64", "long": "int64", "long long": "int64"}  # as PyTorch names them


def _fields(value):
    """Every field of value's type and its base classes, as (name, value)."""
    for field in value.type.strip_typedefs().fields():
        if field.is_base_class:
            yield from _fields(value.cast(field.type))
        elif field.name:
            yield field.name, value[field.name]


def _storage_field(storage, name):
    """A field of Eigen's DenseStorage, which Eigen 5 moved into a base class; None when absent."""
    for field_name, field_value in _fields(storage):
        if field_name == name:
            return field_value
    return None


class TensorPrinter:
    def __init__(self, value, name, scalar, rows, cols, row_major):
        self.value, self.name, self.scalar = value, name, scalar
        self.fixed_rows, self.fixed_cols, self.row_major = rows, cols, row_major

    def _shape(self, storage):
        rows, cols = self.fixed_rows, self.fixed_cols
        if rows == DYNAMIC:
            rows = int(_storage_field(storage, "m_rows"))
        if cols == DYNAMIC:
            cols = int(_storage_field(storage, "m_cols"))
        return rows, cols

    def _number(self, data, rows, cols, r, c):
        element = data[r * cols + c] if self.row_major else data[c * rows + r]
        return int(element) if self.scalar.strip_typedefs().code == gdb.TYPE_CODE_INT else float(element)

    def to_string(self):
        storage = self.value["m_storage"]
        rows, cols = self._shape(storage)
        data = _storage_field(storage, "m_data")
        heading = f"{self.name} ({rows}, {cols}) {_DTYPES.get(str(self.scalar.strip_typedefs()), self.scalar)}"
        if rows * cols == 0:
            return heading + " []"
        if data is None or int(data) == 0:
            return heading + " (no data)"
        numbers = [[self._number(data, rows, cols, r, c) if c is not None else None for c in _shown(cols)]
                   if r is not None else None for r in _shown(rows)]
        form = _form([n for row in numbers if row for n in row if n is not None])
        cells = [[form(n) if n is not None else "..." for n in row] if row else None for row in numbers]
        width = max(len(cell) for row in cells if row for cell in row)
        lines = [" ..." if row is None else " [" + ", ".join(cell.rjust(width) for cell in row) + "]" for row in cells]
        return heading + "\n[" + ",\n".join(lines)[1:] + "]"


def _shown(size):
    """The indices printed along a side of `size`, None where the middle is elided."""
    if size <= 2 * EDGE:
        return list(range(size))
    return list(range(EDGE)) + [None] + list(range(size - EDGE, size))


def _form(numbers):
    """How PyTorch would print these: integers as they are, else 4 decimals, or 4 significant
    digits in scientific notation when the nonzero magnitudes fall outside [1e-4, 1e4)."""
    if all(isinstance(n, int) for n in numbers):
        return str
    magnitudes = [abs(n) for n in numbers if n != 0 and n == n and abs(n) != float("inf")]
    if magnitudes and (min(magnitudes) < 1e-4 or max(magnitudes) >= 1e4):
        return lambda n: f"{n:.4e}"
    return lambda n: f"{n:.4f}"


_NAMES = {  # the names lib/backprop/tensor.h gives, by (integer scalar, rows, cols, row-major)
    (False, DYNAMIC, DYNAMIC, True): "Matrix",
    (False, 1, DYNAMIC, True): "RowVector",
    (False, DYNAMIC, 1, False): "ColVector",
    (True, DYNAMIC, DYNAMIC, True): "IndexMatrix",
    (True, DYNAMIC, 1, False): "IndexVector",
}
_ROW_MAJOR = 0x1  # Eigen::RowMajor in the Options argument


def lookup(value):
    if value.type.strip_typedefs().code == gdb.TYPE_CODE_REF:
        value = value.referenced_value()
    kind = value.type.strip_typedefs().unqualified()
    if kind.code != gdb.TYPE_CODE_STRUCT or not re.match(r"^Eigen::Matrix<", str(kind)):
        return None
    scalar = kind.template_argument(0)
    rows, cols, options = (int(kind.template_argument(i)) for i in (1, 2, 3))
    # A vector's storage order is fixed by its shape, whatever Options says.
    row_major = bool(options & _ROW_MAJOR) or rows == 1
    integer = scalar.strip_typedefs().code == gdb.TYPE_CODE_INT
    name = _NAMES.get((integer, rows, cols, row_major), "Eigen::Matrix")
    return TensorPrinter(value, name, scalar, rows, cols, row_major)


gdb.pretty_printers.append(lookup)
