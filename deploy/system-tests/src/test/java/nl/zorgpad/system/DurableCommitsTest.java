package nl.zorgpad.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.zorgpad.stack.LocalStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostgreSQL of the local run (the same start as deploy/run) flushes every commit to disk: a crash of the machine
 * cannot lose a referral the service has acknowledged.
 */
@ExtendWith(RunningSystem.class)
@Order(4)
class DurableCommitsTest {

    @Test
    void theRunsDatabaseFlushesEveryCommit() {
        LocalStack stack = RunningSystem.system().stack();
        assertEquals("on", stack.postgresSetting("fsync"));
        assertEquals("on", stack.postgresSetting("synchronous_commit"));
        assertEquals("on", stack.postgresSetting("full_page_writes"));
    }
}
