// A bump allocator over the module's linear memory: JS allocates the resident zkey sections once
// and per-proof buffers above a mark it resets, so memory is reused across proofs, never freed.
#pragma once
#include "fp.h"
#define EXPORT(name) __attribute__((export_name(#name)))

extern unsigned char __heap_base;
static u32 heap_top = 0;

EXPORT(alloc) u32 alloc(u32 size) {
  if (!heap_top) heap_top = (u32)&__heap_base;
  u32 ptr = (heap_top + 15) & ~15u;
  u32 end = ptr + size;
  u32 have = (u32)__builtin_wasm_memory_size(0) << 16;
  if (end > have && __builtin_wasm_memory_grow(0, ((end - have) + 65535) >> 16) == (unsigned long)-1) return 0;
  heap_top = end;
  return ptr;
}
EXPORT(heap_mark) u32 heap_mark(void) { if (!heap_top) heap_top = (u32)&__heap_base; return heap_top; }
EXPORT(heap_reset) void heap_reset(u32 mark) { heap_top = mark; }
