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

/**
 * Spring AI models for Z.AI, on the clients of the Z.AI Spring Boot starter:
 * {@code ChatModel}, {@code EmbeddingModel}, {@code ImageModel}, {@code ModerationModel},
 * {@code TranscriptionModel} and {@code TextToSpeechModel}.
 */
@NullMarked
package io.github.zaispring.ai;

import org.jspecify.annotations.NullMarked;
