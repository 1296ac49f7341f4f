namespace ClassScan.Detection.Individuals;

/// <summary>What one segment tells the next: the column labels of the table being read and whether a list of
/// private persons is running ("följande medlemmar:" followed by one name per paragraph).</summary>
internal readonly record struct ListContext(string[]? Columns, bool PrivateList);
