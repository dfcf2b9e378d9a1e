<?xml version="1.0" encoding="UTF-8"?>
<!--
  One canonical ConsignmentList document (purpose WAREHOUSE_ENTRY) to one CEB711 (China import
  warehouse-entry detail list, 入库明细单) message: the customs schema allows one list per message, so
  a c:Batch of several is refused. The envelope (BaseTransfer, BaseSubscribe, ExtendMessage) comes
  from the list's Source. The customs schema requires a ds:Signature after the envelope, which the
  adapter adds when it signs the message (the format is signed: true), then validates the result.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-common.xsl"/>

  <!-- a new message id; the original message's id when not given -->
  <xsl:param name="message-guid" as="xs:string?"/>
  <!-- egress settings that replace the original sender in BaseTransfer when set -->
  <xsl:param name="transfer-cop-code" as="xs:string?"/>
  <xsl:param name="transfer-cop-name" as="xs:string?"/>
  <xsl:param name="transfer-dxp-id" as="xs:string?"/>
  <xsl:param name="transfer-dxp-mode" as="xs:string?"/>

  <!-- ieFlag: I import, E export -->
  <xsl:variable name="directions" static="yes" as="map(xs:string, xs:string)" select="map{'I': 'IMPORT', 'E': 'EXPORT'}"/>

  <xsl:template match="/">
    <xsl:variable name="lists" select="c:ConsignmentList | c:Batch/c:ConsignmentList"/>
    <xsl:if test="count($lists) ne 1 or exists(c:Batch/*[not(self::c:ConsignmentList)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB711 message carries exactly one canonical ConsignmentList document', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$lists[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB711Message guid="{$guid}" version="{($first/c:MessageVersion[string()], '1.0')[1]}">
      <xsl:apply-templates select="$lists">
        <xsl:with-param name="record-guid" select="cebc:record-guid($lists, $guid, 1)"/>
      </xsl:apply-templates>
      <xsl:call-template name="cebc:transmission">
        <xsl:with-param name="source" select="$first"/>
        <xsl:with-param name="cop-code" select="$transfer-cop-code"/>
        <xsl:with-param name="cop-name" select="$transfer-cop-name"/>
        <xsl:with-param name="dxp-id" select="$transfer-dxp-id"/>
        <xsl:with-param name="dxp-mode" select="$transfer-dxp-mode"/>
      </xsl:call-template>
      <!-- ds:Signature: added by the adapter when it signs the message -->
    </ceb:CEB711Message>
  </xsl:template>

  <xsl:template match="c:ConsignmentList">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="operator" select="cebc:party(., 'WAREHOUSE_KEEPER')"/>
    <xsl:variable name="logistics" select="cebc:party(., 'LOGISTICS_OPERATOR')"/>
    <xsl:variable name="transport" select="c:Transport"/>
    <xsl:variable name="mode" select="$transport/c:Mode[@scheme = 'CN-TRANSPORT-MODE'][1]"/>
    <xsl:if test="c:Purpose != 'WAREHOUSE_ENTRY'">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB711 lists the parcels received into a supervised site (purpose WAREHOUSE_ENTRY), not ' || c:Purpose, c:Purpose)"/>
    </xsl:if>
    <ceb:Delivery>
      <ceb:DeliveryHead>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
        <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
        <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
        <ceb:customsCode><xsl:value-of select="c:DeclarationOffice"/></ceb:customsCode>
        <xsl:for-each select="c:LocalReference[string()]"><ceb:copNo><xsl:value-of select="."/></ceb:copNo></xsl:for-each>
        <xsl:for-each select="c:CustomsReference[@type = 'PRE_ENTRY_NUMBER'][string()][1]"><ceb:preNo><xsl:value-of select="."/></ceb:preNo></xsl:for-each>
        <xsl:for-each select="c:CustomsReference[@type = 'WAREHOUSE_ENTRY_NUMBER'][string()][1]"><ceb:rkdNo><xsl:value-of select="."/></ceb:rkdNo></xsl:for-each>
        <ceb:operatorCode><xsl:value-of select="$operator/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:operatorCode>
        <ceb:operatorName><xsl:value-of select="$operator/c:Name"/></ceb:operatorName>
        <ceb:ieFlag><xsl:value-of select="cebc:code-of($directions, c:TradeDirection)"/></ceb:ieFlag>
        <ceb:trafMode><xsl:value-of select="if ($mode) then $mode
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB711 list needs a CN-TRANSPORT-MODE transport mode (trafMode)', ($transport/c:Mode, $transport, .)[1])"/></ceb:trafMode>
        <ceb:trafNo><xsl:value-of select="$transport/c:ConveyanceName"/></ceb:trafNo>
        <ceb:voyageNo><xsl:value-of select="$transport/c:ConveyanceReference"/></ceb:voyageNo>
        <ceb:billNo><xsl:value-of select="c:MasterDocument"/></ceb:billNo>
        <ceb:logisticsCode><xsl:value-of select="$logistics/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:logisticsCode>
        <ceb:logisticsName><xsl:value-of select="$logistics/c:Name"/></ceb:logisticsName>
        <xsl:for-each select="c:StorageLocation"><ceb:unloadLocation><xsl:value-of select="."/></ceb:unloadLocation></xsl:for-each>
        <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:DeliveryHead>
      <xsl:apply-templates select="c:HouseConsignment"/>
    </ceb:Delivery>
  </xsl:template>

  <xsl:template match="c:HouseConsignment">
    <ceb:DeliveryList>
      <ceb:gnum><xsl:value-of select="c:Sequence"/></ceb:gnum>
      <ceb:logisticsNo><xsl:value-of select="c:TransportDocument"/></ceb:logisticsNo>
      <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
    </ceb:DeliveryList>
  </xsl:template>
</xsl:stylesheet>
