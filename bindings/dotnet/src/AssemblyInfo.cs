using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("Qms")]
[assembly: AssemblyDescription(".NET binding of qms: ISO 9001 internal audits and management reviews (TCVN ISO 9001:2015/2008)")]
[assembly: AssemblyVersion("0.1.0.0")]
// The tests read the contract cases with the binding's own JSON reader.
[assembly: InternalsVisibleTo("QmsTests")]
