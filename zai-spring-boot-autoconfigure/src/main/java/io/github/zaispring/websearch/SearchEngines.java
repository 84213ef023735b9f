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

package io.github.zaispring.websearch;

/**
 * The search engines of the Web Search API. Engines are sent as plain strings, so that
 * one added by Z.AI can be used before this list knows it.
 *
 * @author zai-spring-boot contributors
 */
public final class SearchEngines {

	/**
	 * The search engine of {@code api.z.ai}, the only one docs.z.ai lists, and the
	 * default.
	 */
	public static final String SEARCH_PRIME = "search-prime";

	/**
	 * The standard search engine of {@code open.bigmodel.cn}.
	 */
	public static final String SEARCH_STD = "search_std";

	/**
	 * The advanced search engine of {@code open.bigmodel.cn}.
	 */
	public static final String SEARCH_PRO = "search_pro";

	/**
	 * The Sogou search engine of {@code open.bigmodel.cn}; it takes a count of 10, 20,
	 * 30, 40 or 50 only.
	 */
	public static final String SEARCH_PRO_SOGOU = "search_pro_sogou";

	/**
	 * The Quark search engine of {@code open.bigmodel.cn}.
	 */
	public static final String SEARCH_PRO_QUARK = "search_pro_quark";

	private SearchEngines() {
	}

}
