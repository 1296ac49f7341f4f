namespace ClassScan.State;

/// <summary>
/// Which user owns which OneDrive, kept between runs so that a nightly --all-onedrives asks Graph only about the
/// users added, changed or removed since the last night (Graph's users delta), not about every user again.
/// Holds the link to call next (a users-delta nextLink mid-feed, else its deltaLink), saved with the page it
/// follows. Thread-safe; each call is its own transaction. Throws what the engine throws on a failed read or write.
/// </summary>
public interface IUserDriveDirectory
{
    /// <summary>The users-delta link to call next; null before the first complete page (then a full listing is due).</summary>
    string? GetUsersDeltaLink();

    /// <summary>Every user known, with its OneDrive (or none yet), ordered by user id (ordinal).</summary>
    IReadOnlyList<UserDrive> GetUserDrives();

    /// <summary>
    /// One page of the users delta, applied in one transaction: <paramref name="upserts"/> added or replaced,
    /// <paramref name="removedUserIds"/> forgotten (their drives are no longer scanned; the drives' items keep their
    /// last verdicts), and <paramref name="nextLink"/> becomes the link to call next.
    /// </summary>
    void SaveUserDrives(IReadOnlyList<UserDrive> upserts, IReadOnlyCollection<string> removedUserIds, string nextLink);
}
