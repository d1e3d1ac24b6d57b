package nl.zorgpad.stack.run;

/** How the JVM of a service is started: as the run command does, or as a bare {@code java -jar} would. */
public enum JvmOptions {
    /** Heap limit, the serial collector and the class-data archive (see {@link ServiceProcess}). */
    TUNED,
    /** Nothing but the JVM's own defaults: the comparison for the start and memory benchmark. */
    JVM_DEFAULTS
}
