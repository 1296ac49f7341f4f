using ClassScan.State.Sqlite;
using Microsoft.Data.Sqlite;

namespace ClassScan.Cli.Tests.OutputFailure;

public sealed class StateWriteFailureTests
{
    public static TheoryData<Exception, string?> Failures => new()
    {
        { new SqliteException("SQLite Error 13: 'database or disk is full'.", 13), "tillståndet kunde inte sparas: tillståndsfilens mapp är full (SQLite Error 13: 'database or disk is full')" },
        { new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", 8), "tillståndet kunde inte sparas: tillståndsfilens mapp är skrivskyddad eller saknar skrivrätt (SQLite Error 8: 'attempt to write a readonly database')" },
        { new SqliteException("SQLite Error 10: 'disk I/O error'.", 10), "tillståndet kunde inte sparas: skrivfel i tillståndsfilens mapp (SQLite Error 10: 'disk I/O error')" },
        { new SqliteException("SQLite Error 10: 'disk I/O error'.", 778), "tillståndet kunde inte sparas: skrivfel i tillståndsfilens mapp (SQLite Error 10: 'disk I/O error')" }, // SQLITE_IOERR_WRITE
        { new IOException("No space left on device : '/srv/ut/classscan-state.db.lock'", 28), "tillståndet kunde inte sparas: tillståndsfilens mapp är full (No space left on device)" },
        // Not a write failure of the file: left alone (damage is recovered elsewhere, a constraint is a bug).
        { new SqliteException("SQLite Error 11: 'database disk image is malformed'.", 11), null },
        { new SqliteException("SQLite Error 19: 'UNIQUE constraint failed'.", 19), null },
        { new InvalidOperationException("samma fil lämnades två gånger"), null },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void From_Failure_NamesCauseOrLeavesItAlone(Exception ex, string? expected) =>
        Assert.Equal(expected, StateWriteFailure.From(ex)?.Message);
}
