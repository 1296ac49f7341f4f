using System.Reflection;
using CsvHelper.Configuration.Attributes;

namespace ClassScan.Reporting.Tests;

/// <summary>
/// Every CSV row type the product writes, found by reflection: the public types of ClassScan.Reporting with CsvHelper
/// column attributes. A row type or column added later is covered by the injection tests without touching them.
/// </summary>
internal static class ReportRowTypes
{
    public static IReadOnlyList<Type> All { get; } = typeof(ResultRow).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsNested && t.GetProperties().Any(p => p.GetCustomAttribute<NameAttribute>() is not null))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public static Type Named(string name) => All.Single(t => t.Name == name);

    /// <summary>The columns CsvHelper writes for the type, in file order (what it auto-maps: public readable, not ignored).</summary>
    public static IReadOnlyList<PropertyInfo> Columns(Type rowType) => rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<IgnoreAttribute>() is null)
        .OrderBy(p => p.GetCustomAttribute<IndexAttribute>()?.Index ?? int.MaxValue)
        .ToList();

    public static string Header(PropertyInfo column) => column.GetCustomAttribute<NameAttribute>()?.Names[0] ?? column.Name;

    /// <summary>The columns whose values can come from outside (file names, display names, reasons): every string one.</summary>
    public static IEnumerable<PropertyInfo> StringColumns(Type rowType) => Columns(rowType).Where(p => p.PropertyType == typeof(string));

    /// <summary>
    /// A row of the type with every string column empty and every number 0 (an optional one too, so no cell is left
    /// empty), then <paramref name="fill"/> applied to each string column.
    /// </summary>
    public static object Row(Type rowType, Func<PropertyInfo, string?> fill)
    {
        var row = Activator.CreateInstance(rowType)!;
        foreach (var p in Columns(rowType).Where(p => Nullable.GetUnderlyingType(p.PropertyType) is { IsPrimitive: true }))
            p.SetValue(row, Activator.CreateInstance(Nullable.GetUnderlyingType(p.PropertyType)!));
        foreach (var p in StringColumns(rowType))
        {
            if (fill(p) is { } value) p.SetValue(row, value); // init-only setters are settable by reflection
        }
        return row;
    }

    /// <summary>Writes the rows through the product's own CSV writer into <paramref name="path"/>.</summary>
    public static Task WriteAsync(Type rowType, string path, IEnumerable<object> rows) =>
        (Task)typeof(ReportRowTypes).GetMethod(nameof(WriteTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(rowType).Invoke(null, [path, rows])!;

    private static async Task WriteTypedAsync<TRow>(string path, IEnumerable<object> rows)
    {
        using var batch = new ReportBatch();
        await using (var file = new AtomicCsvFile<TRow>(path, batch))
        {
            foreach (var r in rows) file.Write((TRow)r);
            await file.CloseAsync();
        }
        batch.Commit();
    }
}
