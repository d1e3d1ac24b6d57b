package nl.zorgpad.referral;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import nl.zorgpad.referral.support.PathwayStub;
import nl.zorgpad.stack.testing.LocalStackTestResource;

/**
 * Every @QuarkusTest of this module runs against the real PostgreSQL, Kafka and Keycloak of the local stack, with
 * pathway-service stood in for by {@link PathwayStub}.
 */
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = LocalStackTestResource.SERVICE, value = "referral-service"))
@QuarkusTestResource(value = PathwayStub.class, restrictToAnnotatedClass = false)
public final class LocalStack {

    private LocalStack() {
    }
}
