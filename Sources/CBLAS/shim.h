#include <cblas.h>
/* OpenBLAS's kernel selection (exported by DYNAMIC_ARCH builds, not declared in cblas.h):
   used to re-select the kernel when the CPU was misdetected at load time. */
void gotoblas_dynamic_init(void);
void gotoblas_dynamic_quit(void);
/* Stops OpenBLAS's worker threads (exported, not declared in cblas.h). A pthreads build starts one per core when
   it loads, and each spins for about 0.1 s of CPU before sleeping; BLASKernel stops them once it has chosen one
   thread, and a later threaded call would start them again. */
void blas_thread_shutdown_(void);
