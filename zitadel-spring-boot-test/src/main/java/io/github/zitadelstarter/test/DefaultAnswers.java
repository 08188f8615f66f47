package io.github.zitadelstarter.test;

import java.time.Duration;
import java.time.Instant;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;

/**
 * The answer of an RPC that the local ZITADEL keeps no state for: the RPC's response message
 * from the descriptors, with ZITADEL's defaults (fields left out), and plausible values where a
 * client reads them: a new id in the message's own {@code id} and {@code ..._id} fields, the
 * call's time in its dates and timestamps (a year on in expiration dates), and the object
 * details ({@code Details}, {@code ListDetails}) filled likewise with the organization the call
 * acted in as their resource owner. Lists stay empty, oneofs unset.
 */
final class DefaultAnswers {

	private static final Duration EXPIRATION = Duration.ofDays(365);

	private DefaultAnswers() {
	}

	/**
	 * The answer of a call, as proto3 JSON.
	 * @param method the RPC
	 * @param context the call's context
	 * @return the response message's JSON
	 */
	static String of(com.google.protobuf.Descriptors.MethodDescriptor method, RpcContext context) {
		try {
			return JsonFormat.printer()
				.usingTypeRegistry(ProtoContract.Descriptors.TYPES)
				.omittingInsignificantWhitespace()
				.print(message(method.getOutputType(), context, true));
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(method.getFullName() + ": cannot print its response message", ex);
		}
	}

	private static DynamicMessage message(Descriptor type, RpcContext context, boolean top) {
		DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
		for (FieldDescriptor field : type.getFields()) {
			if (field.isRepeated() || field.getRealContainingOneof() != null) {
				continue;
			}
			String name = field.getName();
			switch (field.getJavaType()) {
				case STRING -> {
					if (name.equals("id") || name.endsWith("_id")) {
						message.setField(field, context.newId());
					}
					else if (name.equals("resource_owner")) {
						message.setField(field, context.organizationId());
					}
				}
				case MESSAGE -> {
					Descriptor fieldType = field.getMessageType();
					if (fieldType.getFullName().equals(Timestamp.getDescriptor().getFullName())
							&& (name.endsWith("_date") || name.equals("timestamp"))) {
						message.setField(field, timestamp(
								name.contains("expiration") ? context.now().plus(EXPIRATION) : context.now()));
					}
					else if (top && fieldType.getName().endsWith("Details")) {
						message.setField(field, message(fieldType, context, false));
					}
				}
				default -> {
				}
			}
		}
		return message.build();
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}

}
