namespace ClassScan.State.Postgres;

/// <summary>One embedded schema step: its number (the NNNN of NNNN_name.sql), its name and its SQL.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
