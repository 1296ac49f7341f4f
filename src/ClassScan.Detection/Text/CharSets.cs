using System.Buffers;

namespace ClassScan.Detection.Text;

/// <summary>
/// Character sets the detectors search for, as SearchValues. Searching for "any of 0-9" goes through these rather
/// than IndexOfAnyInRange / IndexOfAnyExceptInRange: the same answer, but ReadyToRun-precompiled code (how ClassScan
/// ships) runs the InRange family about ten times slower than SearchValues and allocates on every call
/// (benchmarks/README.md, "Tenth session").
/// </summary>
internal static class CharSets
{
    /// <summary>The ASCII digits 0-9 (what [0-9] matches; \d also matches other scripts' digits).</summary>
    public static readonly SearchValues<char> AsciiDigits = SearchValues.Create("0123456789");
}
