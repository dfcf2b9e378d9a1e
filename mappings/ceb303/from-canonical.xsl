<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical Order documents to one CEB303 (China export e-order, 出口电子订单) message.
  The input is a c:Order or a c:Batch of them; every order becomes a ceb:Order, the envelope
  (BaseTransfer, BaseSubscribe, ExtendMessage) comes from the first order's Source.
  The output is validated against xsd/ceb/ceb303.xsd before it is sent.

  orderType: the one the order came with (E, B, W), else B for procedure 9710 (B2B direct export),
  W for 9810 (export to an overseas warehouse), else E (B2C export). An import order is refused.
  A platform without a customs code is written 无; an order line without an SKU gets an empty
  itemNo (the element is required, its value is not).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
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

  <!-- the order type a CN-SUPERVISION-MODE procedure implies -->
  <xsl:variable name="order-types" static="yes" as="map(xs:string, xs:string)" select="map{'9710': 'B', '9810': 'W'}"/>

  <xsl:template match="/">
    <xsl:variable name="orders" select="c:Order | c:Batch/c:Order"/>
    <xsl:if test="empty($orders) or exists(c:Batch/*[not(self::c:Order)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB303 message carries canonical Order documents only', *)"/>
    </xsl:if>
    <xsl:variable name="first" select="$orders[1]/c:Header/c:Source"/>
    <xsl:variable name="guid" select="($message-guid[.], $first/c:MessageId[string-length() = 36])[1]"/>
    <xsl:if test="empty($guid)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'no 36-character message guid: none kept in the Source and none given', *)"/>
    </xsl:if>
    <ceb:CEB303Message guid="{$guid}" version="{($first/c:MessageVersion[string()], '1.0')[1]}">
      <xsl:for-each select="$orders">
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
    </ceb:CEB303Message>
  </xsl:template>

  <xsl:template match="c:Order">
    <xsl:param name="record-guid" as="xs:string"/>
    <xsl:variable name="platform" select="cebc:party(., 'PLATFORM')"/>
    <xsl:variable name="seller" select="cebc:party(., 'SELLER')"/>
    <xsl:variable name="kept-type" select="c:TradeDirection/@sourceCode[. = $cebc:export-order-types]"/>
    <xsl:variable name="procedure" select="string(c:Procedure[@scheme = 'CN-SUPERVISION-MODE'])"/>
    <ceb:Order>
      <xsl:sequence select="cebc:export-only(., 'CEB303')"/>
      <ceb:OrderHead>
        <ceb:guid><xsl:value-of select="$record-guid"/></ceb:guid>
        <ceb:appType><xsl:value-of select="cebc:code-of($cebc:functions, c:Header/c:Function)"/></ceb:appType>
        <ceb:appTime><xsl:value-of select="cebc:issue-time(.)"/></ceb:appTime>
        <ceb:appStatus><xsl:value-of select="if (c:Header/c:FilingStatus) then cebc:code-of($cebc:filing, c:Header/c:FilingStatus) else '2'"/></ceb:appStatus>
        <ceb:orderType><xsl:value-of select="($kept-type, $order-types($procedure), 'E')[1]"/></ceb:orderType>
        <ceb:orderNo><xsl:value-of select="c:OrderNumber"/></ceb:orderNo>
        <ceb:ebpCode><xsl:value-of select="cebc:platform-code($platform)"/></ceb:ebpCode>
        <ceb:ebpName><xsl:value-of select="$platform/c:Name"/></ceb:ebpName>
        <ceb:ebcCode><xsl:value-of select="cebc:code($seller)"/></ceb:ebcCode>
        <ceb:ebcName><xsl:value-of select="$seller/c:Name"/></ceb:ebcName>
        <ceb:goodsValue><xsl:value-of select="c:GoodsValue"/></ceb:goodsValue>
        <xsl:if test="c:Freight and c:Freight/@currency ne c:GoodsValue/@currency">
          <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a CEB303 order has one currency: freight in ' || c:Freight/@currency
              || ', goods in ' || c:GoodsValue/@currency, c:Freight)"/>
        </xsl:if>
        <ceb:freight><xsl:value-of select="(c:Freight, 0)[1]"/></ceb:freight>
        <ceb:currency><xsl:value-of select="cl:customs-currency(c:GoodsValue/@currency, c:GoodsValue)"/></ceb:currency>
        <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
      </ceb:OrderHead>
      <xsl:apply-templates select="c:Line"/>
    </ceb:Order>
  </xsl:template>

  <xsl:template match="c:Line">
    <ceb:OrderList>
      <ceb:gnum><xsl:value-of select="c:LineNumber"/></ceb:gnum>
      <ceb:itemNo><xsl:value-of select="c:Sku"/></ceb:itemNo>
      <ceb:itemName><xsl:value-of select="c:Title"/></ceb:itemName>
      <xsl:for-each select="c:Description"><ceb:itemDescribe><xsl:value-of select="."/></ceb:itemDescribe></xsl:for-each>
      <xsl:for-each select="c:Barcode"><ceb:barCode><xsl:value-of select="."/></ceb:barCode></xsl:for-each>
      <ceb:unit><xsl:value-of select="cl:customs-unit(c:Quantity/@unitCode, c:Quantity/@sourceUnitCode, c:Quantity)"/></ceb:unit>
      <ceb:currency><xsl:value-of select="cl:customs-currency(c:LineAmount/@currency, c:LineAmount)"/></ceb:currency>
      <ceb:qty><xsl:value-of select="c:Quantity"/></ceb:qty>
      <ceb:price><xsl:value-of select="(c:UnitPrice, 0)[1]"/></ceb:price>
      <ceb:totalPrice><xsl:value-of select="c:LineAmount"/></ceb:totalPrice>
      <xsl:for-each select="c:Note"><ceb:note><xsl:value-of select="."/></ceb:note></xsl:for-each>
    </ceb:OrderList>
  </xsl:template>
</xsl:stylesheet>
