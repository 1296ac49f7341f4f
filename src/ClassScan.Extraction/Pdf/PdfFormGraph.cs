using System.Text;
using System.Text.RegularExpressions;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ClassScan.Extraction.Pdf;

/// <summary>
/// Detects form XObjects that invoke each other in a cycle (A → B → A) or nest absurdly deep. PdfPig 0.1.16
/// only removes a form invoking itself under the same name; any other cycle recurses until the process dies
/// with a StackOverflow (pdfminer issue 1113 "evil xobjects"), which no catch can handle. The graph is built
/// from the resource dictionaries and the <c>Do</c> operators in each form's content; a form without its own
/// resources is resolved against the XObject names of all forms' resources (page resources are not read).
/// </summary>
internal static partial class PdfFormGraph
{
    private const int MaxNesting = 48;
    private const int MaxDecodedFormBytes = 32 * 1024 * 1024;

    public static void Check(PdfDocument doc, IReadOnlyList<(long Number, int Generation)> candidates, CancellationToken ct)
    {
        if (candidates.Count == 0) return;
        var structure = doc.Structure;
        var scanner = structure.TokenScanner;
        var forms = new Dictionary<IndirectReference, StreamToken>();
        var allNames = new Dictionary<string, HashSet<IndirectReference>>(StringComparer.Ordinal);

        // Only the forms found by the byte scan are loaded: touching arbitrary objects can itself trigger
        // PdfPig recursion bugs in objects the page content never uses.
        foreach (var (number, generation) in candidates)
        {
            ct.ThrowIfCancellationRequested();
            var reference = new IndirectReference(number, generation);
            IToken? data;
            try
            {
                data = structure.GetObject(reference)?.Data;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                continue; // a broken object is PdfPig's problem later, not a cycle
            }
            if (data is not StreamToken stream || !IsForm(stream.StreamDictionary)) continue;
            forms[reference] = stream;
            if (Resolve(stream.StreamDictionary, NameToken.Resources, scanner) is DictionaryToken resources)
                AddNames(XObjectsOf(resources, scanner), allNames);
        }
        if (forms.Count == 0) return;

        var edges = new Dictionary<IndirectReference, List<IndirectReference>>();
        foreach (var (reference, form) in forms)
        {
            ct.ThrowIfCancellationRequested();
            var own = Resolve(form.StreamDictionary, NameToken.Resources, scanner) is DictionaryToken r ? XObjectsOf(r, scanner) : null;
            var targets = new List<IndirectReference>();
            foreach (var name in InvokedNames(form, structure.FilterProvider, scanner))
            {
                if (own is not null)
                {
                    if (own.TryGetValue(name, out var target) && target != reference && forms.ContainsKey(target)) targets.Add(target);
                }
                else if (allNames.TryGetValue(name, out var named))
                {
                    targets.AddRange(named.Where(t => t != reference && forms.ContainsKey(t)));
                }
            }
            edges[reference] = targets;
        }
        FindCycle(edges, ct);
    }

    private static void FindCycle(Dictionary<IndirectReference, List<IndirectReference>> edges, CancellationToken ct)
    {
        // Iterative DFS (the point is to avoid deep recursion): 1 = on the current path, 2 = done.
        var state = new Dictionary<IndirectReference, int>();
        foreach (var start in edges.Keys)
        {
            if (state.ContainsKey(start)) continue;
            var stack = new Stack<(IndirectReference Node, int Next)>();
            stack.Push((start, 0));
            state[start] = 1;
            while (stack.Count > 0)
            {
                ct.ThrowIfCancellationRequested();
                var (node, next) = stack.Pop();
                var targets = edges.TryGetValue(node, out var t) ? t : [];
                if (next < targets.Count)
                {
                    stack.Push((node, next + 1));
                    var target = targets[next];
                    if (state.TryGetValue(target, out int s))
                    {
                        if (s == 1) throw ExtractionStop.Corrupt("form XObjects invoke each other in a cycle");
                        continue;
                    }
                    if (stack.Count >= MaxNesting) throw ExtractionStop.Corrupt("form XObjects nested too deeply");
                    state[target] = 1;
                    stack.Push((target, 0));
                }
                else
                {
                    state[node] = 2;
                }
            }
        }
    }

    private static bool IsForm(DictionaryToken dict) =>
        dict.TryGet(NameToken.Subtype, out var subtype) && subtype is NameToken n && n.Data == "Form";

    private static IToken? Resolve(DictionaryToken dict, NameToken key, UglyToad.PdfPig.Tokenization.Scanner.IPdfTokenScanner scanner)
    {
        if (!dict.TryGet(key, out var token)) return null;
        for (int hops = 0; hops < 8 && token is IndirectReferenceToken r; hops++)
        {
            try
            {
                token = scanner.Get(r.Data)?.Data;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return null;
            }
        }
        return token;
    }

    private static Dictionary<string, IndirectReference>? XObjectsOf(DictionaryToken resources, UglyToad.PdfPig.Tokenization.Scanner.IPdfTokenScanner scanner)
    {
        if (Resolve(resources, NameToken.Xobject, scanner) is not DictionaryToken xobjects) return null;
        var map = new Dictionary<string, IndirectReference>(StringComparer.Ordinal);
        foreach (var (name, value) in xobjects.Data)
            if (value is IndirectReferenceToken r) map[name] = r.Data;
        return map;
    }

    private static void AddNames(Dictionary<string, IndirectReference>? map, Dictionary<string, HashSet<IndirectReference>> all)
    {
        if (map is null) return;
        foreach (var (name, target) in map)
        {
            if (!all.TryGetValue(name, out var set)) all[name] = set = [];
            set.Add(target);
        }
    }

    private static IEnumerable<string> InvokedNames(StreamToken form, ILookupFilterProvider filters, UglyToad.PdfPig.Tokenization.Scanner.IPdfTokenScanner scanner)
    {
        ReadOnlyMemory<byte> content;
        try
        {
            content = form.Decode(filters, scanner);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return [];
        }
        if (content.Length > MaxDecodedFormBytes) content = content[..MaxDecodedFormBytes];
        var text = Encoding.Latin1.GetString(content.Span);
        return DoOperator().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"/([^\s/\[\]<>(){}%]+)\s+Do\b")]
    private static partial Regex DoOperator();
}
