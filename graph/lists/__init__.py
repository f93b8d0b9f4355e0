"""List versions, the differences between them and the copy shown of an id two feeds list, computed
from the canonical list tables."""
