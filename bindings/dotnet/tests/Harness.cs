// A small test runner: named actions, failures collected, "N passed, N failed" at the end.

using System;
using System.Collections.Generic;
using System.IO;

namespace Qms.Tests
{
    internal sealed class Harness
    {
        private readonly List<KeyValuePair<string, Action>> tests = new List<KeyValuePair<string, Action>>();

        internal static string Root()
        {
            // tests run from bindings/dotnet (test.sh); QMS_REPO_ROOT overrides.
            string env = Environment.GetEnvironmentVariable("QMS_REPO_ROOT");
            return Path.GetFullPath(string.IsNullOrEmpty(env) ? Path.Combine("..", "..") : env);
        }

        internal void Add(string name, Action test)
        {
            tests.Add(new KeyValuePair<string, Action>(name, test));
        }

        internal bool Run()
        {
            int passed = 0, failed = 0;
            foreach (var t in tests)
            {
                try
                {
                    t.Value();
                    passed++;
                    Console.WriteLine("ok   " + t.Key);
                }
                catch (Exception e)
                {
                    failed++;
                    Console.WriteLine("FAIL " + t.Key + ": " + e.GetType().Name + ": " + e.Message);
                }
            }
            Console.WriteLine(passed + " passed, " + failed + " failed");
            return failed == 0 && passed > 0;
        }

        /// <summary>Skips a test that needs an outside tool, unless CI=true, where that fails.</summary>
        internal static void SkipOrFail(string why)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new Exception("CI=true but " + why);
            }
            Console.WriteLine("NOTICE: " + why + "; skipped");
        }

        internal static void Check(bool cond, string what)
        {
            if (!cond)
            {
                throw new Exception(what);
            }
        }

        internal static void Same(object want, object got, string what)
        {
            if (!Equals(want, got))
            {
                throw new Exception(what + ": want " + want + ", got " + got);
            }
        }

        internal static T Throws<T>(Action f) where T : Exception
        {
            try
            {
                f();
            }
            catch (T e)
            {
                return e;
            }
            catch (Exception e)
            {
                throw new Exception("want " + typeof(T).Name + ", got " + e.GetType().Name + ": " + e.Message);
            }
            throw new Exception("want " + typeof(T).Name + ", nothing thrown");
        }

        internal static void Main(string[] args)
        {
            var h = new Harness();
            ContractTests.Register(h, Root());
            FacadeTests.Register(h, Root());
            Environment.Exit(h.Run() ? 0 : 1);
        }
    }
}
