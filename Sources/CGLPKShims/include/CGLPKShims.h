#ifndef CGLPK_SHIMS_H
#define CGLPK_SHIMS_H
#include <glpk.h>
#endif
