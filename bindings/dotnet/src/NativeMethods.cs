// The private native shim: the four functions of qms.h, and nothing else. QmsClient is the
// façade applications use; this file only declares the C ABI.

using System;
using System.Runtime.InteropServices;

namespace Qms
{
    /// <summary>The library-owned answer buffer of <c>qms_call</c> (<c>QmsBuffer</c> in qms.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct QmsBuffer
    {
        /// <summary>The bytes; NULL when <see cref="Len"/> is 0.</summary>
        public IntPtr Data;
        /// <summary>The number of bytes (<c>size_t</c>).</summary>
        public UIntPtr Len;
    }

    /// <summary>
    /// P/Invoke declarations of the C ABI. Cdecl is explicit because 32-bit Windows hosts
    /// default to stdcall; the library name "qms" resolves to qms.dll, libqms.so or
    /// libqms.dylib (see <see cref="LibraryLocator"/> for QMS_LIBRARY_PATH).
    /// </summary>
    internal static class NativeMethods
    {
        internal const string Library = "qms";

        /// <summary>The ABI version this binding was written for (QMS_ABI_VERSION).</summary>
        internal const uint AbiVersion = 1;

        static NativeMethods()
        {
            LibraryLocator.Install();
        }

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern uint qms_abi_version();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr qms_version();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int qms_call(
            byte[] request, UIntPtr requestLen, byte[] input, UIntPtr inputLen, out QmsBuffer output);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void qms_buffer_free(ref QmsBuffer buffer);
    }
}
