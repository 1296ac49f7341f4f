namespace ClassScan.State;

/// <summary>A user and its OneDrive, as <see cref="IUserDriveDirectory"/> keeps them.</summary>
/// <param name="UserId">The Entra ID object id.</param>
/// <param name="DriveId">The OneDrive's drive id; null when the user had none when last asked (no licence, never signed in).</param>
/// <param name="Label">Prefixes the drive's paths in reports ("OneDrive Anna Berg").</param>
/// <param name="WebUrl">The drive's web URL, if known.</param>
public sealed record UserDrive(string UserId, string? DriveId, string Label, string? WebUrl);
