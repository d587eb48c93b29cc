/* A stand-in bcryptprimitives.dll for running laurel.exe under wine 8, which lacks
 * ProcessPrng (Windows 10 and later have it; Rust's std takes its randomness from it).
 * ProcessPrng here is RtlGenRandom (advapi32's SystemFunction036). A test aid of .ci/windows
 * only: it is put beside the exe in the test folder and never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
