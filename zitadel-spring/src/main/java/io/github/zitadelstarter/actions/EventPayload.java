package io.github.zitadelstarter.actions;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What ZITADEL sends a target of an {@code event} execution, after an event was stored (a
 * reaction, never a guard: the answer is ignored).
 *
 * @param aggregateId the aggregate the event belongs to, such as the user's id
 * @param aggregateType the aggregate's type, such as {@code user}
 * @param resourceOwner the organization that owns the aggregate
 * @param instanceId the instance
 * @param version the aggregate's version, such as {@code v2}
 * @param sequence the event's sequence within its aggregate
 * @param eventType the event's type, such as {@code user.human.added}
 * @param createdAt when the event was stored
 * @param userId who caused the event
 * @param eventPayload the event's own data, which depends on its type
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventPayload(@JsonProperty("aggregateID") String aggregateId, String aggregateType,
		String resourceOwner, @JsonProperty("instanceID") String instanceId, String version,
		@JsonSetter(nulls = Nulls.AS_EMPTY) long sequence,
		@JsonProperty("event_type") String eventType, @JsonProperty("created_at") @Nullable OffsetDateTime createdAt,
		@JsonProperty("userID") String userId, @JsonProperty("event_payload") @Nullable JsonNode eventPayload) {

	public EventPayload {
		aggregateId = (aggregateId != null) ? aggregateId : "";
		aggregateType = (aggregateType != null) ? aggregateType : "";
		resourceOwner = (resourceOwner != null) ? resourceOwner : "";
		instanceId = (instanceId != null) ? instanceId : "";
		version = (version != null) ? version : "";
		eventType = (eventType != null) ? eventType : "";
		userId = (userId != null) ? userId : "";
	}

}
