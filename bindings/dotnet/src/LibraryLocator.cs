// Where the native library comes from. DllImport("qms") finds qms.dll / libqms.so by the
// platform's rules (the application folder, a NuGet runtimes/<rid>/native/ folder, the system
// search path); QMS_LIBRARY_PATH (a file, or a folder holding it) overrides that for
// development and CI.

using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Qms
{
    internal static class LibraryLocator
    {
        /// <summary>The library file QMS_LIBRARY_PATH names, or null when it is not set.</summary>
        internal static string FromEnvironment()
        {
            string p = Environment.GetEnvironmentVariable("QMS_LIBRARY_PATH");
            if (string.IsNullOrEmpty(p))
            {
                return null;
            }
            return Directory.Exists(p) ? Path.Combine(p, FileName()) : p;
        }

        internal static bool IsWindows()
        {
            return Environment.OSVersion.Platform == PlatformID.Win32NT;
        }

        internal static string FileName()
        {
            if (IsWindows())
            {
                return "qms.dll";
            }
            // Mono and .NET report macOS as Unix; uname is the reliable test, but the file
            // name only matters for a folder in QMS_LIBRARY_PATH, where a file path works too.
            return File.Exists("/System/Library/CoreServices/SystemVersion.plist") ? "libqms.dylib" : "libqms.so";
        }

        /// <summary>
        /// Makes DllImport("qms") load QMS_LIBRARY_PATH when it is set: on .NET Core 3+ and .NET
        /// 5+ through NativeLibrary's resolver (found by reflection, so this assembly still
        /// builds for .NET Framework); on Windows by loading the file first (later imports of
        /// "qms" bind to the loaded module). Mono on Linux has neither hook: there the folder
        /// must be on LD_LIBRARY_PATH (test.sh sets it) or mapped with a dllmap.
        /// </summary>
        internal static void Install()
        {
            string path = FromEnvironment();
            if (path == null)
            {
                return;
            }
            if (InstallResolver(path))
            {
                return;
            }
            if (IsWindows())
            {
                LoadLibraryW(path);
            }
        }

        private static string resolverPath;

        private static bool InstallResolver(string path)
        {
            Type nativeLibrary = Type.GetType("System.Runtime.InteropServices.NativeLibrary");
            Type resolverType = Type.GetType("System.Runtime.InteropServices.DllImportResolver");
            if (nativeLibrary == null || resolverType == null)
            {
                return false;
            }
            MethodInfo set = nativeLibrary.GetMethod("SetDllImportResolver", new[] { typeof(Assembly), resolverType });
            MethodInfo resolve = typeof(LibraryLocator).GetMethod("Resolve", BindingFlags.NonPublic | BindingFlags.Static);
            if (set == null || resolve == null)
            {
                return false;
            }
            resolverPath = path;
            try
            {
                set.Invoke(null, new object[] { typeof(LibraryLocator).Assembly, Delegate.CreateDelegate(resolverType, resolve) });
                return true;
            }
            catch (TargetInvocationException)
            {
                // The application installed its own resolver for this assembly: it wins.
                return true;
            }
        }

        // Called by .NET's NativeLibrary for each DllImport of this assembly.
        private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (libraryName != NativeMethods.Library || resolverPath == null)
            {
                return IntPtr.Zero;
            }
            Type nativeLibrary = Type.GetType("System.Runtime.InteropServices.NativeLibrary");
            MethodInfo load = nativeLibrary.GetMethod("Load", new[] { typeof(string) });
            return (IntPtr)load.Invoke(null, new object[] { resolverPath });
        }

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryW(string path);
    }
}
