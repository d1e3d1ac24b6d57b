package nl.zorgpad.referral.client;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns pathway-service's 400 and 422 into a refusal of the request, and 401 into a refused service token (retried
 * with a fresh one). 403 and 404 mean our side is misconfigured and stay failures of the call.
 */
public class PathwayErrorMapper implements ResponseExceptionMapper<RuntimeException> {

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status == 400 || status == 401 || status == 422;
    }

    @Override
    @SuppressWarnings("unchecked")
    public RuntimeException toThrowable(Response response) {
        if (response.getStatus() == 401) {
            return new PathwayTokenRefusedException();
        }
        String detail = "pathway-service refused the request";
        try {
            Map<String, Object> body = response.readEntity(Map.class);
            if (body != null && body.get("detail") != null) {
                detail = String.valueOf(body.get("detail"));
            }
        } catch (RuntimeException e) {
            // keep the generic detail
        }
        return new PathwayRejectedException(response.getStatus(), detail);
    }
}
