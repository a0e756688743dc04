/**
 * The ports of the engine: the interfaces and values the engine needs from the world outside it, owned
 * here so that the engine imports no adapter.
 *
 * <ul>
 *   <li>{@link com.baselineguard.engine.port.ArmGateway}: resource reads and writes on Azure Resource
 *       Manager ({@code arm.SdkArmGateway}, {@code arm.PacedArmGateway} implement it);</li>
 *   <li>{@link com.baselineguard.engine.port.KeyVaultGateway}: the Key Vault keys data plane
 *       ({@code keyvault.SdkKeyVaultGateway});</li>
 *   <li>{@link com.baselineguard.engine.port.FixLedger}: the history of the fixes sent, for the loop and
 *       fight guard ({@code storage.TableFixLedger}, {@code storage.InMemoryFixLedger});</li>
 *   <li>{@link com.baselineguard.engine.port.OutcomeSink}: where outcome records are published
 *       ({@code eventgrid.EventGridOutcomeSink});</li>
 *   <li>the clock is {@link java.time.Clock}, given to the engine by the composition root (tests pass
 *       one they can move).</li>
 * </ul>
 * Every reply a gateway returns is a value; what it means is decided in one table,
 * {@link com.baselineguard.engine.port.Replies}, which the adapters' retry policies read as well.
 */
package com.baselineguard.engine.port;
