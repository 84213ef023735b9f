/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zaispring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documented observation of the Z.AI chat client, named after the OpenTelemetry GenAI
 * semantic conventions so that dashboards built for other GenAI clients work.
 *
 * @author zai-spring-boot contributors
 * @see DefaultZaiChatObservationConvention
 */
public enum ZaiChatObservationDocumentation implements ObservationDocumentation {

	/**
	 * One chat call, or one stream from the request to its last chunk, named
	 * {@code gen_ai.client.operation}.
	 */
	CHAT_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultZaiChatObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Keys with few values, tagged on the timer and on the span. Always present.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The operation, always {@code chat}.
		 */
		OPERATION_NAME {
			@Override
			public String asString() {
				return "gen_ai.operation.name";
			}
		},

		/**
		 * The provider, always {@code z_ai}.
		 */
		PROVIDER_NAME {
			@Override
			public String asString() {
				return "gen_ai.provider.name";
			}
		},

		/**
		 * The model requested, {@code none} if the request named none.
		 */
		REQUEST_MODEL {
			@Override
			public String asString() {
				return "gen_ai.request.model";
			}
		},

		/**
		 * The model that answered, {@code none} when no answer arrived.
		 */
		RESPONSE_MODEL {
			@Override
			public String asString() {
				return "gen_ai.response.model";
			}
		},

		/**
		 * Whether the answer was streamed: {@code true} or {@code false}.
		 */
		REQUEST_STREAM {
			@Override
			public String asString() {
				return "gen_ai.request.stream";
			}
		},

		/**
		 * Whether the subscriber cancelled before the answer was complete: {@code true}
		 * or {@code false}. A cancelled call has {@code error.type} {@code none}.
		 */
		RESPONSE_CANCELLED {
			@Override
			public String asString() {
				return "gen_ai.response.cancelled";
			}
		},

		/**
		 * The Z.AI business error code of a failure, such as {@code 1302}, else the
		 * simple name of the exception, such as {@code ZaiTimeoutException}; {@code none}
		 * when the call did not fail.
		 */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		},

		/**
		 * The host the request was sent to, {@code none} if unknown.
		 */
		SERVER_ADDRESS {
			@Override
			public String asString() {
				return "server.address";
			}
		}

	}

	/**
	 * Keys with many values, only on the span. Present only when known.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The id of the answer (the Z.AI task id).
		 */
		RESPONSE_ID {
			@Override
			public String asString() {
				return "gen_ai.response.id";
			}
		},

		/**
		 * The request id, as reported by the server or, failing that, as sent.
		 */
		REQUEST_ID {
			@Override
			public String asString() {
				return "zai.request.id";
			}
		},

		/**
		 * Why the model stopped, one per choice, as a JSON array such as
		 * {@code ["stop"]}.
		 */
		RESPONSE_FINISH_REASONS {
			@Override
			public String asString() {
				return "gen_ai.response.finish_reasons";
			}
		},

		/**
		 * The sampling temperature requested.
		 */
		REQUEST_TEMPERATURE {
			@Override
			public String asString() {
				return "gen_ai.request.temperature";
			}
		},

		/**
		 * The nucleus sampling probability requested.
		 */
		REQUEST_TOP_P {
			@Override
			public String asString() {
				return "gen_ai.request.top_p";
			}
		},

		/**
		 * The maximum number of output tokens requested.
		 */
		REQUEST_MAX_TOKENS {
			@Override
			public String asString() {
				return "gen_ai.request.max_tokens";
			}
		},

		/**
		 * How many times the request was sent, retries included.
		 */
		REQUEST_ATTEMPTS {
			@Override
			public String asString() {
				return "zai.request.attempts";
			}
		},

		/**
		 * The messages of the request as a JSON array of {@code "role: text"} strings.
		 * Only when content recording is enabled.
		 */
		PROMPT {
			@Override
			public String asString() {
				return "gen_ai.prompt";
			}
		},

		/**
		 * The answer text. Only when content recording is enabled.
		 */
		COMPLETION {
			@Override
			public String asString() {
				return "gen_ai.completion";
			}
		}

	}

}
