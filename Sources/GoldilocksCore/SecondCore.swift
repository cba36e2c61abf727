import Synchronization

/// Goldilocks's use of a second core, for the whole process.
///
/// Large matrix products and optimizer updates are split in two, the second half run by one
/// helper thread per process that spins between the jobs of a training step and sleeps when idle.
public enum SecondCore {
    /// Whether work is split onto the helper thread; both halves give the same results either way.
    ///
    /// On by default where there are two or more cores, unless the environment sets
    /// `GOLDILOCKS_THREADS=1`. Switch it off in a process that trains several models at once, one
    /// per core, so the helper does not compete with them; it then stays asleep. Setting it on
    /// with a single core has no effect.
    public static var isEnabled: Bool {
        get { PairedThread.enabled.load(ordering: .relaxed) }
        set { PairedThread.enabled.store(newValue && PairedThread.hasSecondCore, ordering: .relaxed) }
    }
}
