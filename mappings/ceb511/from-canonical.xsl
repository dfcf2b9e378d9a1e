<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Shipment documents to one CEB511 (China import logistics waybill) message.
  The input is a c:Shipment or a c:Batch of them; every shipment becomes a ceb:Logistics, the envelope
  (BaseTransfer, BaseSubscribe, ExtendMessage) comes from the first shipment's Source.
  The output is validated against xsd/ceb/ceb511.xsd before it is sent.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:cebc="urn:wco-ecom-adapter:ceb-common"
    xmlns:cl="urn:wco-ecom-adapter:codelists"
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

  <xsl:template match="/">
    <xsl:variable name="shipments" select="c:Shipment | c:Batch/c:Shipment"/>
    <xsl:if test="empty($shipments) or exists(c:Batch/*[not(self::c:Shipment)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB511 message carries canonical Shipment documents only', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$shipments[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB511Message guid="{$guid}" version="{cebc:message-version($first)}">
      <xsl:for-each select="$shipments">
        <xsl:apply-templates select=".">
          <xsl:with-param name="record-guid" select="cebc:record-guid(., $guid, position())"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:call-template name="cebc:transmission">
        <xsl:with-param name="source" select="$first"/>
        <xsl:with-param name="cop-code" select="$transfer-cop-code"/>
        <xsl:with-param name="cop-name" select="$transfer-cop-name"/>
        <xsl:with-param name="dxp-id" select="$transfer-dxp-id"/>
        <xsl:with-param name="dxp-mode" select="$transfer-dxp-mode"/>
      </xsl:call-template>
    </ceb:CEB511Message>
  </xsl:template>

  <xsl:template match="c:Shipment">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="carrier" select="cebc:party(., 'LOGISTICS_OPERATOR')"/>
    <xsl:variable name="consignee" select="cebc:party(., 'CONSIGNEE')"/>
    <!-- one currency for the waybill: freight and insurance must agree -->
    <xsl:variable name="amounts" select="c:Freight | c:Insurance"/>
    <xsl:if test="count(distinct-values($amounts/@currency)) gt 1">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB511 waybill has one currency: Freight and Insurance are in '
          || string-join(distinct-values($amounts/@currency), ' and '), $amounts[last()])"/>
    </xsl:if>
    <ceb:Logistics>
      <ceb:LogisticsHead>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
        <ceb:appTime><xsl:value-of select="if (c:Header/c:IssueDateTime) then cebc:compact-time(c:Header/c:IssueDateTime)
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB511 waybill needs its issue time (Header/IssueDateTime)', c:Header)"/></ceb:appTime>
        <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
        <ceb:logisticsCode><xsl:value-of select="$carrier/c:Identifier[@scheme = 'CN-CUSTOMS'][1]"/></ceb:logisticsCode>
        <ceb:logisticsName><xsl:value-of select="$carrier/c:Name"/></ceb:logisticsName>
        <ceb:logisticsNo><xsl:value-of select="c:TransportDocument"/></ceb:logisticsNo>
        <xsl:for-each select="c:MasterDocument[string()]"><ceb:billNo><xsl:value-of select="."/></ceb:billNo></xsl:for-each>
        <ceb:orderNo><xsl:value-of select="c:OrderNumber"/></ceb:orderNo>
        <xsl:for-each select="c:Freight"><ceb:freight><xsl:value-of select="."/></ceb:freight></xsl:for-each>
        <xsl:for-each select="c:Insurance"><ceb:insuredFee><xsl:value-of select="."/></ceb:insuredFee></xsl:for-each>
        <ceb:currency><xsl:value-of select="if ($amounts) then cl:customs-currency($amounts[1]/@currency, $amounts[1]) else cl:customs-currency('CNY', .)"/></ceb:currency>
        <ceb:weight><xsl:value-of select="if (c:GrossWeight) then c:GrossWeight
            else error(xs:QName('err:VALUE_INVALID'), 'a CEB511 waybill needs its gross weight (GrossWeight)', .)"/></ceb:weight>
        <ceb:packNo><xsl:value-of select="(c:PackageCount, 1)[1]"/></ceb:packNo>
        <xsl:for-each select="c:ContentSummary[string()]"><ceb:goodsInfo><xsl:value-of select="."/></ceb:goodsInfo></xsl:for-each>
        <ceb:consignee><xsl:value-of select="$consignee/c:Name"/></ceb:consignee>
        <ceb:consigneeAddress><xsl:value-of select="string-join($consignee/c:Address/c:Line, ' ')"/></ceb:consigneeAddress>
        <ceb:consigneeTelephone><xsl:value-of select="$consignee/c:Communication[@type = 'TE'][1]"/></ceb:consigneeTelephone>
        <xsl:for-each select="c:Note[string()]"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:LogisticsHead>
    </ceb:Logistics>
  </xsl:template>
</xsl:stylesheet>
