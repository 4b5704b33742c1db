#!/usr/bin/env python3
"""What touching memory for the first time costs on this machine, per 4 KiB page.

A JVM's start touches 15,000-20,000 pages (its class archive, heap, metaspace, JIT arenas, code
cache). On bare metal a first touch costs a fraction of a microsecond; in some virtual machines
(page tables kept by the hypervisor, memory handed back to the host when freed) it costs ten or
more, which then is a large share of any JVM's cold start. Prints one line for the bench report.

    page-touch.py FILE   (any file of a few MiB, read once first so it is in the page cache)
"""
import mmap
import sys
import time

PAGE = 4096


def per_page_us(view, size, write):
    start = time.perf_counter()
    if write:
        for offset in range(0, size, PAGE):
            view[offset] = 1
    else:
        total = 0
        for offset in range(0, size, PAGE):
            total += view[offset]
    return (time.perf_counter() - start) * 1e6 / (size // PAGE)


def loop_us(size):
    """The Python loop itself, on pages already touched: subtracted from each figure."""
    view = mmap.mmap(-1, size)
    per_page_us(view, size, True)
    cost = per_page_us(view, size, True)
    view.close()
    return cost


def main():
    path = sys.argv[1]
    with open(path, "rb") as f:
        while f.read(1 << 20):
            pass  # into the page cache: what is timed below is the mapping, not the disk
        size = min(f.seek(0, 2), 64 << 20) // PAGE * PAGE
        loop = loop_us(size)
        anonymous = mmap.mmap(-1, size)
        anon = per_page_us(anonymous, size, True) - loop
        anonymous.close()
        reading = mmap.mmap(f.fileno(), size, access=mmap.ACCESS_READ)
        read = per_page_us(reading, size, False) - loop
        reading.close()
        private = mmap.mmap(f.fileno(), size, access=mmap.ACCESS_COPY)
        cow = per_page_us(private, size, True) - loop
        private.close()
    print(f"{anon:.1f} µs new anonymous page, {cow:.1f} µs private copy of a cached file page, "
          f"{read:.1f} µs reading a cached file page ({size // PAGE} pages each)")


if __name__ == "__main__":
    main()
