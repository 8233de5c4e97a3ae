#include <cblas.h>
/* OpenBLAS's kernel selection (exported by DYNAMIC_ARCH builds, not declared in cblas.h):
   used to re-select the kernel when the CPU was misdetected at load time. */
void gotoblas_dynamic_init(void);
void gotoblas_dynamic_quit(void);
